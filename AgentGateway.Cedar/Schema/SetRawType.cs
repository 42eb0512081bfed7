namespace AgentGateway.Cedar.Schema;

/// <summary><c>Set&lt;T&gt;</c> as written.</summary>
internal sealed record SetRawType(RawType Element) : RawType;
