namespace AgentGateway.Security;

/// <summary>Authorization with Cedar: a policy file or inline text.</summary>
public sealed record AuthorizationConfig
{
    /// <summary>Path of a .cedar file (relative to the config file).</summary>
    public string? Cedar { get; init; }

    /// <summary>Inline Cedar policies.</summary>
    public string? CedarText { get; init; }

    /// <summary>Optional Cedar schema file (human-readable format) for typed attributes.</summary>
    public string? Schema { get; init; }
}
