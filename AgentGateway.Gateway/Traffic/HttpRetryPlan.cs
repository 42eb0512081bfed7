using AgentGateway.Configuration;

namespace AgentGateway.Traffic;

/// <summary>
/// Whether and how a request may be retried: only methods the policy allows (idempotent ones unless
/// <c>nonIdempotent</c>), only with no body or a small one that can be buffered and replayed.
/// </summary>
internal sealed class HttpRetryPlan
{
    private static readonly HashSet<string> Idempotent = new(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"], StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> _statuses;

    private HttpRetryPlan(RetryConfig config)
    {
        Attempts = config.Attempts;
        Backoff = Duration.TryParse(config.Backoff, out var backoff) ? backoff : TimeSpan.FromMilliseconds(100);
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
    public static HttpRetryPlan? For(RetryConfig? config, HttpRequest request)
    {
        if (config is null || config.Attempts <= 1)
        {
            return null;
        }

        var listed = config.Methods.Count == 0 || config.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase);
        var methodOk = listed && (Idempotent.Contains(request.Method) || config.NonIdempotent);
        return methodOk ? new HttpRetryPlan(config) : null;
    }

    /// <summary>
    /// Reads the body into memory for replay. Null when it cannot be retried: the body is larger than the
    /// buffer limit, or chunked (unknown length: it could be anything, and is streamed through once instead).
    /// </summary>
    public async Task<byte[]?> TryBufferBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null)
        {
            return request.Headers.TransferEncoding.Count == 0 ? [] : null;
        }

        if (request.ContentLength > MaxBufferedBodySize)
        {
            return null;
        }

        var buffer = new byte[request.ContentLength.Value];
        await request.Body.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}
