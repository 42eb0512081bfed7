using AgentGateway.Configuration;
using AgentGateway.Routing;
using AgentGateway.Telemetry;
using AgentGateway.Traffic;
using Yarp.ReverseProxy.Forwarder;

namespace AgentGateway.Http;

/// <summary>
/// Proxies <c>http</c> routes with YARP's forwarder (streaming both ways, no buffering). Applies the route's
/// retries (a retryable failure is held back and the next destination tried, as long as nothing reached the
/// client), the per-try backend timeout, and the backend's TLS settings.
/// </summary>
internal sealed partial class HttpBackendHandler(
    IHttpForwarder forwarder,
    ForwarderInvoker invoker,
    BackendTlsInvokers tlsInvokers,
    HttpDestinationPicker picker,
    ILogger<HttpBackendHandler> logger) : IBackendHandler
{
    // YARP's default ActivityTimeout (100 s) would cut slow or long-streaming upstreams; timeouts are route policies.
    private static readonly ForwarderRequestConfig RequestConfig = new() { ActivityTimeout = TimeSpan.FromHours(1) };

    public string Kind => RouteKinds.Http;

    public async Task HandleAsync(HttpContext context, GatewayRoute route)
    {
        var compiled = GatewayRuntime.Of(context)!.Part<HttpBackends>()![route.Backend];
        var backend = compiled.Config;
        var traffic = RouteTrafficPolicy.For(context);
        var plan = HttpRetryPlan.For(traffic, context.Request);
        var body = plan is null ? null : await plan.TryBufferBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            plan = null;
        }

        var messageInvoker = backend.Tls is { } tls ? tlsInvokers.For(tls) : invoker.Invoker;
        // Per-try backend timeout: YARP's activity timeout cancels a try that sees no progress for that long.
        var requestConfig = traffic.BackendTimeout is { } backendTimeout ? new ForwarderRequestConfig { ActivityTimeout = backendTimeout } : RequestConfig;
        var attempts = plan?.Attempts ?? 1;
        // Without a buffered copy the body streams once; track it so a refused connection can still fail over.
        var streamed = body is null && context.Request.ContentLength != 0 ? new ReadTrackingStream(context.Request.Body) : null;
        if (streamed is not null)
        {
            context.Request.Body = streamed;
        }

        var failovers = backend.Destinations.Count - 1;
        for (var attempt = 1; ; attempt++)
        {
            if (body is { Length: > 0 })
            {
                context.Request.Body = new MemoryStream(body, writable: false);
            }

            var destination = picker.Pick(route.Backend, backend.Destinations);
            if (context.Features.Get<RequestTelemetryFeature>() is { } telemetry)
            {
                telemetry.Upstream = destination;
            }

            var retryTransformer = attempt < attempts ? new RetryStatusTransformer(FullPathTransformer.Instance, plan!) : null;
            var error = await forwarder.SendAsync(context, destination, messageInvoker, requestConfig, (HttpTransformer?)retryTransformer ?? FullPathTransformer.Instance);
            if (error is ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.NoAvailableDestinations)
            {
                picker.ReportFailure(destination, compiled.ReactivationPeriod);
            }

            if (error is ForwarderError.Request && failovers-- > 0 && !context.Response.HasStarted
                && streamed is not { WasRead: true } && NeverConnected(context))
            {
                // Like a load balancer's "next upstream on connect error": the destination never saw this request.
                Log.FailingOver(logger, route.Name, destination);
                context.Response.Clear();
                context.Features.Set<IForwarderErrorFeature>(null);
                attempt--;
                continue;
            }

            var transportFailed = error is ForwarderError.Request or ForwarderError.RequestTimedOut;
            if (attempt < attempts && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
                && (retryTransformer?.HeldBackStatus is not null || transportFailed))
            {
                Log.Retrying(logger, route.Name, destination, retryTransformer?.HeldBackStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? error.ToString(), attempt + 1, attempts);
                context.Response.Clear();
                context.Features.Set<IForwarderErrorFeature>(null);
                try
                {
                    await Task.Delay(plan!.DelayBefore(attempt + 1), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client left or the route's timeout expired during the backoff; the timeout step answers.
                    return;
                }

                continue;
            }

            await FinishAsync(context, route, destination, error);
            return;
        }
    }

    private async Task FinishAsync(HttpContext context, GatewayRoute route, string destination, ForwarderError error)
    {
        if (error is ForwarderError.None)
        {
            return;
        }

        if (IsBodyTooLarge(context))
        {
            // Kestrel cut an undeclared (chunked) body at the route's limit while it was being streamed upstream.
            await GatewayErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "request_too_large",
                "the request body is larger than the route's limit");
            return;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            // The client left (the access log records 499) or the route's deadline fired (TimeoutMiddleware answers
            // 504): neither is the upstream's failure, and there is nobody to send a 502 to.
            Log.Cancelled(logger, route.Name, destination, error);
            return;
        }

        Log.ForwardFailed(logger, route.Name, destination, error);
        if (!context.Response.HasStarted)
        {
            var timedOut = error == ForwarderError.RequestTimedOut;
            await GatewayErrors.WriteAsync(context, timedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway,
                timedOut ? "gateway_timeout" : "bad_gateway", $"route '{route.Name}': upstream {destination} failed ({error})");
        }
    }

    private static bool NeverConnected(HttpContext context)
    {
        for (var ex = context.GetForwarderErrorFeature()?.Exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
            {
                return true;
            }
        }

        return false;
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

        [LoggerMessage(3, LogLevel.Warning, "Route {Route}: {Destination} refused the connection; sending the request to the next destination")]
        public static partial void FailingOver(ILogger logger, string route, string destination);

        [LoggerMessage(4, LogLevel.Debug, "Route {Route}: request to {Destination} cancelled before it finished ({Error})")]
        public static partial void Cancelled(ILogger logger, string route, string destination, ForwarderError error);

        [LoggerMessage(2, LogLevel.Information, "Route {Route}: try at {Destination} failed ({Reason}); retrying (try {Attempt} of {Attempts})")]
        public static partial void Retrying(ILogger logger, string route, string destination, string reason, int attempt, int attempts);
    }
}
