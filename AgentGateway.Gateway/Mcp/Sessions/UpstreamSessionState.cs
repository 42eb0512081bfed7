namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// What another replica needs to carry on an upstream Streamable HTTP session without a new <c>initialize</c>:
/// the session id and what the server said when it was initialized (capabilities and info as MCP JSON).
/// </summary>
internal sealed record UpstreamSessionState
{
    public required string SessionId { get; init; }

    public string? ProtocolVersion { get; init; }

    public required string ServerInfo { get; init; }

    public required string ServerCapabilities { get; init; }

    public string? Instructions { get; init; }
}
