using AgentGateway.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace AgentGateway.Routing;

/// <summary>Proxies <c>http</c> routes with YARP's forwarder (streaming both ways, no buffering).</summary>
internal sealed partial class HttpBackendHandler(
    IHttpForwarder forwarder,
    ForwarderInvoker invoker,
    HttpDestinationPicker picker,
    ILogger<HttpBackendHandler> logger) : IBackendHandler
{
    // YARP's default ActivityTimeout (100 s) would cut slow or long-streaming upstreams; timeouts are route policies.
    private static readonly ForwarderRequestConfig RequestConfig = new() { ActivityTimeout = TimeSpan.FromHours(1) };

    public string Kind => RouteKinds.Http;

    public async Task HandleAsync(HttpContext context, GatewayRoute route)
    {
        var backend = route.Snapshot.Http[route.Backend];
        var destination = picker.Pick(route.Backend, backend.Destinations);
        var error = await forwarder.SendAsync(context, destination, invoker.Invoker, RequestConfig, FullPathTransformer.Instance);
        if (error is ForwarderError.None)
        {
            return;
        }

        if (error is ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.NoAvailableDestinations)
        {
            picker.ReportFailure(destination, Duration.TryParse(backend.ReactivationPeriod, out var period) ? period : TimeSpan.FromSeconds(30));
        }

        if (IsBodyTooLarge(context))
        {
            // Kestrel cut an undeclared (chunked) body at the route's limit while it was being streamed upstream.
            await GatewayErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "request_too_large",
                $"the request body is larger than the limit of {route.Snapshot.Limits.MaxRequestBodySize} bytes");
            return;
        }

        Log.ForwardFailed(logger, route.Name, destination, error);
        if (!context.Response.HasStarted)
        {
            var status = error == ForwarderError.RequestTimedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway;
            await GatewayErrors.WriteAsync(context, status, "bad_gateway", $"route '{route.Name}': upstream {destination} failed ({error})");
        }
    }

    private static bool IsBodyTooLarge(HttpContext context)
    {
        for (var ex = context.GetForwarderErrorFeature()?.Exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (ex is AggregateException agg && agg.InnerExceptions.Any(e => e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })))
            {
                return true;
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Route {Route}: forwarding to {Destination} failed: {Error}")]
        public static partial void ForwardFailed(ILogger logger, string route, string destination, ForwarderError error);
    }
}
