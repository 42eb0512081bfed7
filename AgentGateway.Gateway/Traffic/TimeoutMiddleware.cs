using AgentGateway.Routing;
using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.Traffic;

/// <summary>
/// Enforces the route's request timeout, and the idle timeout once an SSE response started (a long stream
/// that keeps sending is never cut by the total). On expiry the handler is cancelled through
/// <c>RequestAborted</c>; before the response started the client gets a 504 in the route's error shape,
/// after it started the connection is aborted (a half-written body must not look complete).
/// </summary>
internal sealed partial class TimeoutMiddleware(RequestDelegate next, ILogger<TimeoutMiddleware> logger)
{
    // Not async on the way through: a route without timeouts costs no state machine here.
    public Task InvokeAsync(HttpContext context)
    {
        var policy = RouteTrafficPolicy.For(context);
        return policy.HasTimeouts ? EnforceAsync(context, policy) : next(context);
    }

    private async Task EnforceAsync(HttpContext context, RouteTrafficPolicy policy)
    {
        var originalAborted = context.RequestAborted;
        var originalBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var deadline = new RequestDeadline(policy.RequestTimeout, policy.IdleTimeout, originalAborted);
        var guarded = new DeadlineResponseStream(originalBody.Stream, deadline, context.Response);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(guarded, originalBody));
        context.RequestAborted = deadline.Token;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (deadline.Expired && !originalAborted.IsCancellationRequested)
        {
            // The handler gave up because of our deadline; answered below.
        }
        finally
        {
            context.Features.Set(originalBody);
            context.RequestAborted = originalAborted;
        }

        if (!deadline.Expired || originalAborted.IsCancellationRequested)
        {
            return;
        }

        var route = context.Features.Get<Routing.GatewayRoute>()!;
        if (guarded.ForwardedAnything || context.Response.HasStarted)
        {
            Log.StreamAborted(logger, route.Name, deadline.Reason);
            context.Abort();
            return;
        }

        Log.TimedOut(logger, route.Name, deadline.Reason);
        context.Response.Clear();
        await GatewayErrors.WriteAsync(context, StatusCodes.Status504GatewayTimeout, "gateway_timeout",
            $"route '{route.Name}': the {deadline.Reason} timeout expired before the backend answered");
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Route {Route}: {Reason} timeout expired before the response started; answered 504")]
        public static partial void TimedOut(ILogger logger, string route, string reason);

        [LoggerMessage(2, LogLevel.Warning, "Route {Route}: {Reason} timeout expired while streaming; connection aborted")]
        public static partial void StreamAborted(ILogger logger, string route, string reason);
    }
}
