using AgentGateway.Routing;

namespace AgentGateway.Traffic;

/// <summary>
/// <c>limits.maxConcurrentRequests</c>: at most N requests of a route in flight on this replica; the next
/// one gets 503 at once (queueing would only move the overload into the gateway).
/// </summary>
internal sealed class ConcurrencyLimitMiddleware(RequestDelegate next, RouteInFlightCounts inFlight)
{
    // Not async on the way through: a route without the limit costs no state machine here.
    public Task InvokeAsync(HttpContext context) =>
        RouteTrafficPolicy.For(context).MaxConcurrentRequests is { } max ? LimitAsync(context, max) : next(context);

    private async Task LimitAsync(HttpContext context, int max)
    {
        var route = context.Features.Get<GatewayRoute>()!;
        var counter = inFlight.For(route.Name);
        if (Interlocked.Increment(ref counter.Value) > max)
        {
            Interlocked.Decrement(ref counter.Value);
            context.Response.Headers.RetryAfter = "1";
            await GatewayErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "too_many_concurrent_requests",
                $"route '{route.Name}' is serving its maximum of {max} concurrent requests; retry shortly");
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref counter.Value);
        }
    }
}
