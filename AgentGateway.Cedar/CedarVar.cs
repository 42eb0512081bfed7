namespace AgentGateway.Cedar;

/// <summary>The four request variables a policy reads.</summary>
public enum CedarVar
{
    /// <summary><c>principal</c>: who asks.</summary>
    Principal,

    /// <summary><c>action</c>: what they want to do.</summary>
    Action,

    /// <summary><c>resource</c>: what they want to do it to.</summary>
    Resource,

    /// <summary><c>context</c>: the request's other facts, as a record.</summary>
    Context,
}
