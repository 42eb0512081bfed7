namespace AgentGateway.Traffic;

/// <summary>
/// Hands the route's per-try backend timeout to the handler as a <see cref="BackendTimeoutFeature"/>: only the handler
/// knows where one try starts and ends (retries, failover), so it applies the timeout itself.
/// </summary>
internal sealed class BackendTimeoutMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (RouteTrafficPolicy.For(context).BackendTimeout is { } backend)
        {
            context.Features.Set(new BackendTimeoutFeature(backend));
        }

        return next(context);
    }
}
