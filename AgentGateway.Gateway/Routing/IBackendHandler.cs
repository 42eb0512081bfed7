namespace AgentGateway.Routing;

/// <summary>Serves requests of one backend kind (llm, mcp, a2a, http) once a route has matched.</summary>
public interface IBackendHandler
{
    /// <summary>The route kind this handler serves.</summary>
    string Kind { get; }

    /// <summary>
    /// Handles the request. <c>Request.PathBase</c> includes the route prefix and <c>Request.Path</c> is the
    /// remainder; the handler owns the response and writes errors in its protocol's shape.
    /// </summary>
    Task HandleAsync(HttpContext context, GatewayRoute route);
}
