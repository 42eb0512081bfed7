using Yarp.ReverseProxy.Forwarder;

namespace AgentGateway.Routing;

/// <summary>
/// Forwards the request's full original path (route prefix included), as a reverse proxy in front of an
/// existing API is expected to; YARP's default would send only the remainder after PathBase.
/// </summary>
internal sealed class FullPathTransformer : HttpTransformer
{
    public static readonly FullPathTransformer Instance = new();

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var request = httpContext.Request;
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, request.PathBase.Add(request.Path), request.QueryString);
    }
}
