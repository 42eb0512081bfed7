using System.Diagnostics;

namespace AgentGateway.Routing;

/// <summary>
/// Writes the current span's W3C trace context (<c>traceparent</c>, <c>tracestate</c>, baggage) on a request that goes
/// out through a handler without the runtime's DiagnosticsHandler (see <see cref="UpstreamHandlers"/>): the upstream
/// continues the gateway's trace, with the span that is current at the call (the LLM attempt span) as its parent.
/// </summary>
internal sealed class TraceContextHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Inject(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Inject(request);
        return base.Send(request, cancellationToken);
    }

    private static void Inject(HttpRequestMessage request)
    {
        if (Activity.Current is { } span)
        {
            // Like the DiagnosticsHandler: a header the request already carries is left as it is.
            DistributedContextPropagator.Current.Inject(span, request, static (carrier, name, value) =>
            {
                if (carrier is HttpRequestMessage message && name is not null && !message.Headers.Contains(name))
                {
                    message.Headers.TryAddWithoutValidation(name, value);
                }
            });
        }
    }
}
