namespace AgentGateway.A2A;

/// <summary>How a client authenticates to the gateway route; advertised in rewritten agent cards instead of
/// the agent's own schemes (the client never talks to the agent directly).</summary>
internal sealed record GatewayAuthScheme(string Name, GatewayAuthKind Kind)
{
    /// <summary>For <see cref="GatewayAuthKind.OpenIdConnect"/>: the discovery document URL.</summary>
    public string? OpenIdConnectUrl { get; init; }

    /// <summary>For <see cref="GatewayAuthKind.ApiKey"/>: the header carrying the key.</summary>
    public string? HeaderName { get; init; }

    public string? Description { get; init; }
}

internal enum GatewayAuthKind
{
    Bearer,
    OpenIdConnect,
    ApiKey,
    Basic,
}
