namespace AgentGateway.Traffic;

/// <summary>
/// The route's per-try backend timeout (<c>timeouts.backend</c>), set on the HttpContext for backend
/// handlers to apply to each upstream try (the http handler does; llm/mcp/a2a handlers may adopt it).
/// </summary>
public sealed record BackendTimeoutFeature(TimeSpan Timeout);
