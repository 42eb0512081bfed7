using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace AgentGateway.Security;

/// <summary>
/// Signing keys for JWT validation, from a JWKS URL (cached for 10 minutes, refetched early when a token
/// names a key we do not have — key rotation — but at most every 10 seconds), a file, or inline JSON.
/// </summary>
internal sealed partial class JwksKeySource(IHttpClientFactory httpClients, TimeProvider time, ILogger<JwksKeySource> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, CachedKeys> _cache = new(StringComparer.Ordinal);

    private sealed record CachedKeys(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);

    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(JwksConfig config, string baseDirectory, bool refresh, CancellationToken ct)
    {
        if (config.Inline is { Length: > 0 } inline)
        {
            return Cached("inline:" + inline, refresh, () => Task.FromResult(inline)).Result;
        }

        if (config.File is { Length: > 0 } file)
        {
            var path = Path.GetFullPath(file, baseDirectory);
            // Re-read when the file changed, so a rotated key file is picked up without a config edit.
            var stamp = File.GetLastWriteTimeUtc(path).Ticks;
            return await Cached($"file:{path}:{stamp}", refresh, () => File.ReadAllTextAsync(path, ct));
        }

        var url = config.Url!;
        return await Cached("url:" + url, refresh, async () =>
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(5));
            return await httpClients.CreateClient("upstream").GetStringAsync(url, cts.Token);
        });
    }

    private async Task<IReadOnlyList<SecurityKey>> Cached(string key, bool refresh, Func<Task<string>> load)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached)
            && now - cached.FetchedAt < CacheFor
            && (!refresh || now - cached.FetchedAt < MinRefreshInterval))
        {
            return cached.Keys;
        }

        try
        {
            var keys = new JsonWebKeySet(await load()).GetSigningKeys().ToList();
            _cache[key] = new CachedKeys(keys, now);
            return keys;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ArgumentException or OperationCanceledException)
        {
            Log.JwksUnavailable(logger, key.Split(':')[0], ex.Message);
            return cached?.Keys ?? [];
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "JWKS ({Source}) could not be loaded, using the last known keys: {Reason}")]
        public static partial void JwksUnavailable(ILogger logger, string source, string reason);
    }
}
