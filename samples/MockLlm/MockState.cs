using System.Collections.Concurrent;

namespace MockLlm;

/// <summary>Shared per-instance state: options and the request log.</summary>
internal sealed class MockState(MockLlmOptions options)
{
    private int _requestCount;

    public MockLlmOptions Options { get; } = options;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int RequestCount => Volatile.Read(ref _requestCount);

    public int Next() => Interlocked.Increment(ref _requestCount);
}
