using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.Llm.Cache;

/// <summary>
/// One request's use of the cache. On a miss it puts a <see cref="CapturingStream"/> in front of the response body
/// for the whole call (passthrough and translation, streaming or not) and on dispose stores what the client got —
/// only a 200 the client did not abort, within <c>maxEntryBytes</c>, that is a complete answer (<see cref="CompleteAnswer"/>).
/// Disposing runs whether the call returned or threw, before the response ends, so the next identical request finds it.
/// </summary>
internal sealed class ResponseCacheScope : IAsyncDisposable
{
    public static readonly ResponseCacheScope None = new(served: false);

    public static readonly ResponseCacheScope Served = new(served: true);

    private readonly HttpContext? _http;
    private readonly RouteResponseCache? _cache;
    private readonly string _key = "";
    private readonly string _operation = "";
    private readonly IHttpResponseBodyFeature? _original;
    private readonly CapturingStream? _capture;

    private ResponseCacheScope(bool served) => IsServed = served;

    private ResponseCacheScope(HttpContext http, RouteResponseCache cache, string key, string operation)
    {
        _http = http;
        _cache = cache;
        _key = key;
        _operation = operation;
        _original = http.Features.Get<IHttpResponseBodyFeature>()!;
        _capture = new CapturingStream(_original.Stream, cache.MaxEntryBytes);
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(_capture, _original));
    }

    /// <summary>Whether the answer came from the cache and has been written: the caller is done.</summary>
    public bool IsServed { get; }

    public static ResponseCacheScope Capture(HttpContext http, RouteResponseCache cache, string key, string operation) => new(http, cache, key, operation);

    public async ValueTask DisposeAsync()
    {
        if (_http is null || _capture is null || _cache is null)
        {
            return;
        }

        _http.Features.Set(_original);
        var response = _http.Response;
        if (!_http.RequestAborted.IsCancellationRequested
            && response.StatusCode == 200
            && !_capture.Overflowed
            && CompleteAnswer.Check(_operation, response.ContentType, _capture.Captured))
        {
            var answer = new CachedAnswer(response.ContentType!, _capture.Captured.ToArray());
            await _cache.Store.SetAsync(_key, answer, _cache.Ttl, CancellationToken.None);
        }

        await _capture.DisposeAsync();
    }
}
