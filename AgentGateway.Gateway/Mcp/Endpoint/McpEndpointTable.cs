using Microsoft.AspNetCore.Routing;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// Collects the endpoints the SDK's <c>MapMcp</c> declares (Streamable HTTP POST/GET/DELETE, legacy <c>/sse</c> and
/// <c>/message</c>) without a routing middleware, so they can be served under a route prefix that comes from config
/// at runtime. The gateway has already matched the route; we only pick by remaining path and method.
/// </summary>
internal sealed class McpEndpointTable(IServiceProvider services) : IEndpointRouteBuilder
{
    private Dictionary<string, Dictionary<string, RequestDelegate>>? _byPath;

    public IServiceProvider ServiceProvider => services;

    public ICollection<EndpointDataSource> DataSources { get; } = [];

    public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);

    /// <summary>Indexes the declared endpoints by normalized path and HTTP method (call once, after MapMcp).</summary>
    public void Freeze()
    {
        var byPath = new Dictionary<string, Dictionary<string, RequestDelegate>>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in DataSources.SelectMany(static d => d.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.RequestDelegate is not { } handler)
            {
                continue;
            }

            var path = Normalize(endpoint.RoutePattern.RawText);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (!byPath.TryGetValue(path, out var byMethod))
            {
                byPath[path] = byMethod = new Dictionary<string, RequestDelegate>(StringComparer.OrdinalIgnoreCase);
            }

            foreach (var method in methods)
            {
                byMethod[method] = handler;
            }
        }

        _byPath = byPath;
    }

    /// <summary>The handler, or the status to answer with (404 unknown path, 405 wrong method).</summary>
    public (RequestDelegate? Handler, int Status, string? Allow) Match(PathString path, string method)
    {
        if (_byPath is null || !_byPath.TryGetValue(Normalize(path.Value), out var byMethod))
        {
            return (null, StatusCodes.Status404NotFound, null);
        }

        return byMethod.TryGetValue(method, out var handler)
            ? (handler, StatusCodes.Status200OK, null)
            : (null, StatusCodes.Status405MethodNotAllowed, string.Join(", ", byMethod.Keys));
    }

    private static string Normalize(string? path) => (path ?? "").Trim('/');
}
