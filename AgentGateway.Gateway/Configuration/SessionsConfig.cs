namespace AgentGateway.Configuration;

/// <summary>Where MCP session state lives and how long an idle session lasts.</summary>
public sealed record SessionsConfig
{
    /// <summary><c>memory</c> (default) or <c>redis</c> (connection string <c>redis</c>).</summary>
    public string Store { get; init; } = "memory";

    /// <summary>Idle time after which a session expires.</summary>
    public string Ttl { get; init; } = "30m";
}
