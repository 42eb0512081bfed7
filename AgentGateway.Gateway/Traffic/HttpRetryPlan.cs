using AgentGateway.Configuration;
using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.Traffic;

/// <summary>
/// Whether and how a request may be retried: only methods the policy allows (idempotent ones unless
/// <c>nonIdempotent</c>), only with no body or a small one that can be buffered and replayed.
/// </summary>
internal sealed class HttpRetryPlan
{
    private static readonly HashSet<string> Idempotent = new(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"], StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> _statuses;

    private HttpRetryPlan(RetryConfig config, TimeSpan backoff)
    {
        Attempts = config.Attempts;
        Backoff = backoff;
        _statuses = config.StatusCodes.Count > 0 ? [.. config.StatusCodes] : [502, 503, 504];
        MaxBufferedBodySize = config.MaxBufferedBodySize;
    }

    public int Attempts { get; }

    public TimeSpan Backoff { get; }

    public long MaxBufferedBodySize { get; }

    public bool IsRetryableStatus(int status) => _statuses.Contains(status);

    /// <summary>Delay before try number <paramref name="attempt"/> (2, 3, ...): the backoff doubling each time, capped at 10 s.</summary>
    public TimeSpan DelayBefore(int attempt) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, Backoff.Ticks * (1L << Math.Min(attempt - 2, 20))));

    /// <summary>The plan for this request, or null when it gets exactly one try.</summary>
    public static HttpRetryPlan? For(RouteTrafficPolicy traffic, HttpRequest request)
    {
        var config = traffic.Retries;
        if (config is null || config.Attempts <= 1)
        {
            return null;
        }

        var listed = config.Methods.Count == 0 || config.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase);
        var methodOk = listed && (Idempotent.Contains(request.Method) || config.NonIdempotent);
        return methodOk ? new HttpRetryPlan(config, traffic.RetryBackoff) : null;
    }

    /// <summary>
    /// Reads the body into memory for replay. Null when it cannot be retried: the body is larger than the
    /// buffer limit, or of unknown length (chunked / HTTP/2 without Content-Length: streamed through once instead).
    /// </summary>
    public async Task<byte[]?> TryBufferBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Kestrel knows whether a body can follow (HTTP/2 bodies need no Content-Length or Transfer-Encoding).
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);
        if (!canHaveBody || request.ContentLength == 0)
        {
            return [];
        }

        if (request.ContentLength is not { } length || length > MaxBufferedBodySize)
        {
            return null;
        }

        var buffer = new byte[length];
        try
        {
            await request.Body.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw new BadHttpRequestException("the request body ended before its declared Content-Length", StatusCodes.Status400BadRequest);
        }

        return buffer;
    }
}
