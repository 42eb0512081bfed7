namespace AgentGateway.Security.Cedar;

/// <summary>The four request variables.</summary>
internal enum CedarVar
{
    Principal,
    Action,
    Resource,
    Context,
}
