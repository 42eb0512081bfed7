using AgentGateway.Routing;

namespace AgentGateway.A2A;

/// <summary>
/// The <c>a2a</c> route kind. Card paths are served rewritten; any other POST that is not a REST operation is
/// JSON-RPC (an agent may host JSON-RPC at any path, named by its card); the rest is the HTTP+JSON binding.
/// </summary>
internal sealed class A2ABackendHandler(A2ACardService cards, A2AJsonRpcProxy jsonRpc, A2ARestProxy rest) : IBackendHandler
{
    public string Kind => RouteKinds.A2A;

    public Task HandleAsync(HttpContext context, GatewayRoute route)
    {
        var backend = route.Snapshot.A2A[route.Backend];
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;

        if (A2ACardPaths.Requested(context.Request) is { } cardPath)
        {
            return cards.HandleAsync(context, route, backend, cardPath);
        }

        return HttpMethods.IsPost(method) && !IsRestPath(path)
            ? jsonRpc.HandleAsync(context, route, backend)
            : rest.HandleAsync(context, route, backend);
    }

    // REST operations are "noun:verb" (message:send, tasks/{id}:cancel) or live under /tasks.
    private static bool IsRestPath(string path)
    {
        var lastSlash = path.LastIndexOf('/');
        return path.AsSpan(lastSlash + 1).Contains(':')
            || path.Contains("/tasks", StringComparison.Ordinal);
    }
}
