using AgentGateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace AgentGateway.Http;

/// <summary>
/// Forwards the request's full canonical path (route prefix included, see <see cref="HttpRoutePath"/>), as a reverse
/// proxy in front of an existing API is expected to; YARP's default would send only the remainder after PathBase, and
/// re-escaping the decoded <c>PathString</c> would turn a <c>%2F</c> the client sent into <c>%252F</c>.
/// </summary>
internal sealed class FullPathTransformer : HttpTransformer
{
    public static readonly FullPathTransformer Instance = new();

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        // Set for every http route by RouteMatchingMiddleware; without it nothing authorized this request's path.
        var path = httpContext.Features.Get<HttpRoutePath>()
            ?? throw new InvalidOperationException("the request's canonical path was not established");
        var prefix = destinationPrefix.EndsWith('/') ? destinationPrefix[..^1] : destinationPrefix;
        proxyRequest.RequestUri = new Uri(prefix + path.Forwarded + httpContext.Request.QueryString.ToUriComponent(), UriKind.Absolute);
    }
}
