using Yarp.ReverseProxy.Forwarder;

namespace AgentGateway.Traffic;

/// <summary>
/// Wraps the route's transformer for a try that may still be retried: when the backend answers with a
/// retryable status, nothing is copied to the client (YARP then discards that response) so the next try
/// can start from a clean response.
/// </summary>
internal sealed class RetryStatusTransformer(HttpTransformer inner, HttpRetryPlan plan) : HttpTransformer
{
    /// <summary>The status of a response that was held back for a retry, or null.</summary>
    public int? HeldBackStatus { get; private set; }

    public override ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken) =>
        inner.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is not null && plan.IsRetryableStatus((int)proxyResponse.StatusCode))
        {
            HeldBackStatus = (int)proxyResponse.StatusCode;
            return false;
        }

        return await inner.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
    }

    public override ValueTask TransformResponseTrailersAsync(HttpContext httpContext, HttpResponseMessage proxyResponse, CancellationToken cancellationToken) =>
        inner.TransformResponseTrailersAsync(httpContext, proxyResponse, cancellationToken);
}
