using System.Collections.Concurrent;

namespace MockLlm;

/// <summary>Shared per-instance state: options and the request log.</summary>
internal sealed class MockState(MockLlmOptions options)
{
    private int _requestCount;

    public MockLlmOptions Options { get; } = options;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Access tokens issued by the OAuth token endpoint.</summary>
    public int TokensIssued { get; set; }

    public int Next() => Interlocked.Increment(ref _requestCount);
}
