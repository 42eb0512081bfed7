namespace AgentGateway.Routing;

/// <summary>The end of the gateway pipeline: hands the request to the handler of the route's kind.</summary>
internal sealed class BackendDispatcher(IEnumerable<IBackendHandler> handlers)
{
    private readonly Dictionary<string, IBackendHandler> _handlers =
        handlers.GroupBy(h => h.Kind, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public Task DispatchAsync(HttpContext context)
    {
        var route = context.Features.Get<GatewayRoute>()!;
        return _handlers.TryGetValue(route.Kind, out var handler)
            ? handler.HandleAsync(context, route)
            : GatewayErrors.WriteAsync(context, StatusCodes.Status501NotImplemented, "not_implemented",
                $"route '{route.Name}': backend kind '{route.Kind}' is not available in this build");
    }
}
