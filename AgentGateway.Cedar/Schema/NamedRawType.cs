namespace AgentGateway.Cedar.Schema;

/// <summary>A type name as written (resolved later).</summary>
internal sealed record NamedRawType(string Path) : RawType;
