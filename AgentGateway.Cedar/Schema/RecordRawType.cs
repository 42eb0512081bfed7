namespace AgentGateway.Cedar.Schema;

/// <summary>A record type as written.</summary>
internal sealed record RecordRawType(IReadOnlyList<(string Name, RawType Type, bool Required)> Attributes) : RawType;
