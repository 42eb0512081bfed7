using System.Diagnostics;
using AgentGateway.Configuration;
using AgentGateway.Security;
using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.Telemetry;

/// <summary>
/// Wraps every gateway request: gives later steps a <see cref="RequestTelemetryFeature"/> to fill, counts
/// response bytes, and at the end tags the server span, records the request metrics and writes one
/// access-log line.
/// </summary>
internal sealed class RequestTelemetryMiddleware(RequestDelegate next, IGatewayConfigProvider config, ILoggerFactory loggers)
{
    private static readonly EventId AccessEvent = new(1, "Access");
    private readonly ILogger _accessLog = loggers.CreateLogger("AgentGateway.AccessLog");

    // The configured access-log fields, resolved again only when a reload brings a new access-log config.
    private AccessLogFields _fields = AccessLogFields.For(new AccessLogConfig());

    public async Task InvokeAsync(HttpContext context)
    {
        var telemetry = new RequestTelemetryFeature();
        context.Features.Set(telemetry);
        var started = Stopwatch.GetTimestamp();
        var originalBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        var counting = new StreamResponseBodyFeature(new CountingStream(originalBody.Stream, telemetry), originalBody);
        context.Features.Set<IHttpResponseBodyFeature>(counting);
        var clientLeft = false;
        try
        {
            await next(context);
            // Read before completing: CompleteAsync starts the response, which would hide that nothing was sent.
            clientLeft = ClientLeftBeforeResponse(context);
            await counting.CompleteAsync();
        }
        catch
        {
            clientLeft = ClientLeftBeforeResponse(context);
            throw;
        }
        finally
        {
            context.Features.Set(originalBody);
            Record(context, telemetry, Stopwatch.GetElapsedTime(started), clientLeft);
        }
    }

    // nginx's 499: the client closed the connection before any response was sent (whatever status a step had set).
    private static bool ClientLeftBeforeResponse(HttpContext context) =>
        context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted;

    private void Record(HttpContext context, RequestTelemetryFeature telemetry, TimeSpan elapsed, bool clientLeft)
    {
        var status = clientLeft ? 499 : context.Response.StatusCode;
        var principal = GatewayClaims.CedarPrincipal(context.User) is var (type, id) && type != "Anonymous" ? $"{type}::{id}" : null;
        var route = telemetry.RouteTelemetry is { } matched && ReferenceEquals(matched.Route, telemetry.Route) ? matched : null;
        if (route is not null || telemetry.Route is null)
        {
            // The route's tag set, built once: no per-request tag list, no boxed status code.
            var tags = (route ?? RouteTelemetry.Unmatched).Tags(status);
            GatewayMetrics.Requests.Add(1, tags);
            GatewayMetrics.RequestDuration.Record(elapsed.TotalSeconds, tags);
        }
        else
        {
            var tags = new TagList
            {
                { "route", telemetry.Route },
                { "backend_kind", telemetry.BackendKind ?? "(none)" },
                { "status_code", status },
            };
            GatewayMetrics.Requests.Add(1, tags);
            GatewayMetrics.RequestDuration.Record(elapsed.TotalSeconds, tags);
        }

        // Tags only on a span that is recorded (a propagation-only span would drop them anyway).
        if (Activity.Current is { IsAllDataRequested: true } span)
        {
            span.SetTag("agentgateway.route", telemetry.Route);
            span.SetTag("agentgateway.backend.kind", telemetry.BackendKind);
            span.SetTag("agentgateway.backend", telemetry.Backend);
            span.SetTag("agentgateway.upstream", telemetry.Upstream);
            span.SetTag("agentgateway.authorization.decision", telemetry.AuthorizationDecision);
            span.SetTag("enduser.id", principal);
            if (telemetry.Route is not null)
            {
                span.DisplayName = route?.SpanName(context.Request.Method) ?? $"{context.Request.Method} {telemetry.Route}";
            }
        }

        var log = config.Current.Telemetry.AccessLog;
        if (!log.Enabled || !_accessLog.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var fields = _fields;
        if (!ReferenceEquals(fields.Config, log))
        {
            _fields = fields = AccessLogFields.For(log);
        }

        var values = new AccessLogValues(
            telemetry.Route,
            context.Request.Method,
            context.Request.PathBase.Add(context.Request.Path).Value,
            status,
            Math.Round(elapsed.TotalMilliseconds, 2),
            principal,
            telemetry.Upstream ?? telemetry.Backend,
            context.Request.ContentLength,
            telemetry.BytesOut,
            telemetry.InputTokens,
            telemetry.OutputTokens,
            telemetry.Tool);
        _accessLog.Log(LogLevel.Information, AccessEvent, new AccessLogEntry(fields, values), null, AccessLogEntry.Format);
    }
}
