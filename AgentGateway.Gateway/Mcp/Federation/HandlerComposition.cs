using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// Puts a request filter around a handler once, where it is installed. Registered as the SDK's request filters
/// instead, the same filters are applied again for every session the SDK creates (one wrapper per filter per handler
/// kept by each idle session); composed here, every session's server shares the same delegates.
/// </summary>
internal static class HandlerComposition
{
    /// <summary>The handler inside <paramref name="filter"/>; a handler that is not installed stays so.</summary>
    public static McpRequestHandler<TParams, TResult>? Around<TParams, TResult>(McpRequestHandler<TParams, TResult>? handler,
        McpRequestFilter<TParams, TResult> filter) =>
        handler is null ? null : filter(handler);
}
