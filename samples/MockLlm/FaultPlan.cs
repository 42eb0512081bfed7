using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>The faults to inject into one request: instance options overridden by x-mock-* headers.</summary>
internal sealed record FaultPlan(int? Status, int? RetryAfterSeconds, bool Drop, int? DropAfterChunks, int LatencyMs, int ChunkSize, bool IncludeUsage, string? StreamException = null, Task? HoldAfterFirstContent = null)
{
    public static FaultPlan For(HttpRequest request, MockLlmOptions options, int requestNumber)
    {
        var failing = options.FailFirst is not { } first || requestNumber <= first;
        var status = Header(request, "x-mock-status") ?? (failing ? options.FailStatus : null);
        var drop = Header(request, "x-mock-drop") is { } d ? d != 0 : failing && options.DropConnection;
        return new FaultPlan(
            status,
            Header(request, "x-mock-retry-after") ?? options.RetryAfterSeconds,
            drop,
            Header(request, "x-mock-drop-after") ?? options.DropAfterChunks,
            Header(request, "x-mock-latency-ms") ?? options.LatencyMs,
            Header(request, "x-mock-chunk-size") ?? options.ChunkSize,
            options.IncludeUsage,
            request.Headers["x-mock-stream-exception"].ToString() is { Length: > 0 } e ? e : options.StreamException,
            options.HoldAfterFirstContent);
    }

    private static int? Header(HttpRequest request, string name) =>
        int.TryParse(request.Headers[name].ToString(), out var value) ? value : null;
}
