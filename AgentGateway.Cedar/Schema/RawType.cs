namespace AgentGateway.Cedar.Schema;

/// <summary>A type as written in the schema text, before names are resolved against the declarations.</summary>
internal abstract record RawType;
