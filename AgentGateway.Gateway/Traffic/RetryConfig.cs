namespace AgentGateway.Traffic;

/// <summary>Retries of failed tries for http routes (never once the response to the client started).</summary>
public sealed record RetryConfig
{
    /// <summary>Total tries including the first (2 = one retry).</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Wait before the first retry; doubles each retry (e.g. <c>100ms</c>).</summary>
    public string Backoff { get; init; } = "100ms";

    /// <summary>
    /// Backend statuses that are retried; empty = 502, 503, 504 (transport failures and backend timeouts always are).
    /// The default is applied by the retry plan, not here: the binder would append configured codes to a non-empty default.
    /// </summary>
    public IReadOnlyList<int> StatusCodes { get; init; } = [];

    /// <summary>Methods that are retried; empty = the idempotent ones (GET, HEAD, OPTIONS, PUT, DELETE, TRACE).</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>Also retry non-idempotent methods (POST, PATCH) when listed in <see cref="Methods"/> or methods is empty.</summary>
    public bool NonIdempotent { get; init; }

    /// <summary>Largest request body buffered for replay; requests with bigger (or unknown-length) bodies are tried once.</summary>
    public long MaxBufferedBodySize { get; init; } = 64 * 1024;
}
