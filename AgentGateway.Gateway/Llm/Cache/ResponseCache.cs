using System.Text.Json.Nodes;
using AgentGateway.Llm.Wire;
using AgentGateway.Routing;
using Microsoft.Net.Http.Headers;

namespace AgentGateway.Llm.Cache;

/// <summary>
/// The response cache's one step in the chat pipeline, taken after authorization and before the token budget (a hit
/// costs no tokens): serve a stored answer, or capture the one about to be produced. Routes without <c>llmCache</c>
/// pass untouched. See docs/llm.md, "Response cache".
/// </summary>
internal static class ResponseCache
{
    /// <summary>
    /// Looks the request up. When <see cref="ResponseCacheScope.Served"/> the answer has been written; otherwise the
    /// returned scope captures what the call writes and stores it, when complete and successful, on dispose.
    /// </summary>
    public static async Task<ResponseCacheScope> BeginAsync(HttpContext http, ClientDialect dialect, byte[] body)
    {
        if (http.Features.Get<GatewayRoute>() is not { } route
            || GatewayRuntime.Of(http)?.Part<ResponseCachePolicies>()?.For(route.Name) is not { } cache)
        {
            return ResponseCacheScope.None;
        }

        var partition = CacheKey.Partition(http);
        var (noCache, noStore) = CacheControl(http.Request);
        if (partition is null || noStore)
        {
            ResponseCacheTelemetry.Record(http, route.Name, ResponseCacheTelemetry.Bypass);
            return ResponseCacheScope.None;
        }

        // Parsed here, only on cached routes: pass-through routes never build the request's DOM otherwise.
        var key = CacheKey.Compute(route.Name, route.Backend, dialect.Operation, partition, http.Request.Headers, Wire.JsonRead.ParseObject(body));
        if (noCache)
        {
            // As in HTTP: no-cache skips the stored answer but may refresh it; no-store (above) keeps nothing.
            ResponseCacheTelemetry.Record(http, route.Name, ResponseCacheTelemetry.Bypass);
            return ResponseCacheScope.Capture(http, cache, key, dialect.Operation);
        }

        if (await cache.Store.GetAsync(key, http.RequestAborted) is { } hit)
        {
            ResponseCacheTelemetry.Record(http, route.Name, ResponseCacheTelemetry.Hit);
            await ReplayAsync(http, hit);
            return ResponseCacheScope.Served;
        }

        ResponseCacheTelemetry.Record(http, route.Name, ResponseCacheTelemetry.Miss);
        return ResponseCacheScope.Capture(http, cache, key, dialect.Operation);
    }

    private static (bool NoCache, bool NoStore) CacheControl(HttpRequest request)
    {
        if (!CacheControlHeaderValue.TryParse(request.Headers.CacheControl.ToString(), out var value) || value is null)
        {
            return (false, false);
        }

        return (value.NoCache, value.NoStore);
    }

    private static async Task ReplayAsync(HttpContext http, CachedAnswer answer)
    {
        var response = http.Response;
        if (answer.IsStream)
        {
            // Same headers as a live stream; the recorded events go out as they were, [DONE] or message_stop included.
            SseWriter.Start(response);
        }
        else
        {
            response.StatusCode = 200;
            response.ContentLength = answer.Body.Length;
        }

        response.ContentType = answer.ContentType;
        await response.Body.WriteAsync(answer.Body, http.RequestAborted);
        await response.Body.FlushAsync(http.RequestAborted);
    }
}
