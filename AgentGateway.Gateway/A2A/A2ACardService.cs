using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.A2A.Protocol;
using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.A2A;

/// <summary>
/// Serves <c>{route}/.well-known/agent-card.json</c> (and <c>agent.json</c>): fetched from the agent, cached
/// briefly per requested A2A-Version (agents may answer differently per version), rewritten per request for the
/// address the client used.
/// </summary>
internal sealed class A2ACardService(A2AUpstream upstream, TimeProvider time, ILogger<A2ACardService> logger)
{
    private const string RetriedKey = "a2a.card.retried";
    private const int PruneAbove = 64;

    private readonly ConcurrentDictionary<string, CachedCard> _cache = new(StringComparer.Ordinal);

    /// <summary>Cards held (for tests: the count must not follow what anonymous callers send).</summary>
    internal int CachedCount => _cache.Count;

    /// <param name="path">The card file asked for, as <see cref="A2ACardPaths.Requested"/> spelled it.</param>
    public async Task HandleAsync(HttpContext context, GatewayRoute route, A2ABackendConfig backend, string path)
    {
        // Only the versions the gateway knows share cached answers, so anonymous callers cannot grow the cache.
        var version = CardVersion.Of(context.Request.Headers[A2AHeaders.Version]);
        var key = version is null ? null : $"{route.Backend}\n{backend.Url}\n{path}\n{version}";
        var now = time.GetUtcNow();
        if (key is null || !_cache.TryGetValue(key, out var cached) || cached.Expires <= now)
        {
            cached = await FetchAsync(context, route, backend, path, version);
            if (cached is null)
            {
                return;
            }

            var ttl = GatewayRuntime.Of(context)?.Part<A2ACardTtls>()?.For(route.Backend, backend) ?? A2ACardTtls.Parse(backend);
            cached = cached with { Expires = now + ttl };
            if (key is not null && ttl > TimeSpan.Zero)
            {
                Store(key, cached, now);
            }
        }

        JsonObject? card;
        try
        {
            card = JsonNode.Parse(cached.Json) as JsonObject;
        }
        catch (JsonException)
        {
            card = null;
        }

        if (card is null)
        {
            if (key is not null)
            {
                _cache.TryRemove(key, out _);
            }

            Log.BadCard(logger, route.Name, route.Backend, "not a JSON object");
            await A2AErrors.WriteRestAsync(context, StatusCodes.Status502BadGateway, $"Agent '{route.Backend}' returned an agent card that is not a JSON object");
            return;
        }

        AgentCardRewriter.Rewrite(card, new Uri(backend.Url), PublicBase(context), GatewayAuthSchemes.For(route));

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers.Vary = A2AHeaders.Version;
        if (cached.ProtocolVersion is { } answeredVersion)
        {
            context.Response.Headers[A2AHeaders.Version] = answeredVersion;
        }

        await using var writer = new Utf8JsonWriter(context.Response.Body);
        card.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// Copies an extended-card answer (JSON-RPC <c>GetExtendedAgentCard</c> / <c>agent/getAuthenticatedExtendedCard</c>
    /// result, or the REST card body) with the card rewritten like the public one, so it leaks no agent address.
    /// </summary>
    public static async Task CopyRewrittenCardAsync(HttpContext context, HttpResponseMessage response, GatewayRoute route,
        A2ABackendConfig backend, bool jsonRpc)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            root = null;
        }

        var card = jsonRpc ? (root as JsonObject)?["result"] as JsonObject : root as JsonObject;
        if (card is not null && response.IsSuccessStatusCode)
        {
            AgentCardRewriter.Rewrite(card, new Uri(backend.Url), PublicBase(context), GatewayAuthSchemes.For(route));
            bytes = System.Text.Encoding.UTF8.GetBytes(root!.ToJsonString());
        }

        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        context.Response.Headers.Vary = A2AHeaders.Version;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static Uri PublicBase(HttpContext context)
    {
        var request = context.Request;
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}");
    }

    // Entries of backends renamed or re-pointed by a reload are never hit again; drop expired ones now and then.
    private void Store(string key, CachedCard card, DateTimeOffset now)
    {
        if (_cache.Count >= PruneAbove)
        {
            foreach (var (staleKey, stale) in _cache)
            {
                if (stale.Expires <= now)
                {
                    _cache.TryRemove(staleKey, out _);
                }
            }
        }

        _cache[key] = card;
    }

    private async Task<CachedCard?> FetchAsync(HttpContext context, GatewayRoute route, A2ABackendConfig backend, string path, string? version)
    {
        var target = A2AUpstream.Target(backend, path);
        try
        {
            using var request = A2AUpstream.CreateRequest(context, backend, HttpMethod.Get, target, null);
            if (version is not null)
            {
                // Ask in the normalised version, so the cached answer is the one every caller sharing the key wants.
                request.Headers.Remove(A2AHeaders.Version);
                if (version.Length > 0)
                {
                    request.Headers.TryAddWithoutValidation(A2AHeaders.Version, version);
                }
            }

            using var response = await upstream.SendAsync(backend, request, context.RequestAborted);
            if (!response.IsSuccessStatusCode)
            {
                // Older agents only serve agent.json and newer ones only agent-card.json; try the other name once.
                var other = path == A2AHeaders.CardPath ? A2AHeaders.LegacyCardPath : A2AHeaders.CardPath;
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound && !context.Items.ContainsKey(RetriedKey))
                {
                    context.Items[RetriedKey] = true;
                    return await FetchAsync(context, route, backend, other, version);
                }

                Log.BadCard(logger, route.Name, route.Backend, $"HTTP {(int)response.StatusCode}");
                await A2AErrors.WriteRestAsync(context, StatusCodes.Status502BadGateway,
                    $"Agent '{route.Backend}' answered HTTP {(int)response.StatusCode} for its agent card");
                return null;
            }

            var json = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
            var answered = response.Headers.TryGetValues(A2AHeaders.Version, out var v) ? v.FirstOrDefault() : null;
            return new CachedCard(json, answered, DateTimeOffset.MinValue);
        }
        catch (HttpRequestException ex)
        {
            Log.AgentUnreachable(logger, route.Name, route.Backend, target, ex.Message);
            await A2AErrors.WriteRestAsync(context, StatusCodes.Status502BadGateway, $"Agent '{route.Backend}' is unreachable: {ex.Message}");
            return null;
        }
    }

    private sealed record CachedCard(byte[] Json, string? ProtocolVersion, DateTimeOffset Expires);
}
