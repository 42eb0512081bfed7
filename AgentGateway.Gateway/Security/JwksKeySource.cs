using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace AgentGateway.Security;

/// <summary>
/// Signing keys for JWT validation, from a JWKS URL (cached for 10 minutes, refetched early when a token
/// names a key we do not have — key rotation — but at most every 10 seconds), a file, or inline JSON.
/// Loads are single-flight: concurrent callers that need one share the one in flight. The 10-second rule
/// counts every attempt, failed ones too, so a down IdP or a flood of tokens with unknown kids costs at
/// most one fetch per 10 s per source (in between, the last good keys — or none, and the token is refused).
/// </summary>
internal sealed partial class JwksKeySource(IHttpClientFactory httpClients, TimeProvider time, ILogger<JwksKeySource> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Source> _sources = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<SecurityKey>> GetKeysAsync(JwksConfig config, string baseDirectory, bool refresh, CancellationToken ct)
    {
        if (config.Inline is { Length: > 0 } inline)
        {
            return GetAsync("inline:" + inline, refresh, _ => Task.FromResult(inline), ct);
        }

        if (config.File is { Length: > 0 } file)
        {
            var path = Path.GetFullPath(file, baseDirectory);
            // Re-read when the file changed, so a rotated key file is picked up without a config edit.
            var stamp = File.GetLastWriteTimeUtc(path).Ticks;
            return GetAsync($"file:{path}:{stamp}", refresh, token => File.ReadAllTextAsync(path, token), ct);
        }

        var url = config.Url!;
        return GetAsync("url:" + url, refresh, token => httpClients.CreateClient(Routing.UpstreamHttpClient.Name).GetStringAsync(url, token), ct);
    }

    private async Task<IReadOnlyList<SecurityKey>> GetAsync(string key, bool refresh, Func<CancellationToken, Task<string>> load, CancellationToken ct)
    {
        var source = _sources.GetOrAdd(key, _ => new Source());
        Task<IReadOnlyList<SecurityKey>> pending;
        lock (source)
        {
            var now = time.GetUtcNow();
            var wanted = source.Keys is null || now - source.FetchedAt >= CacheFor || refresh;
            if (!wanted)
            {
                return source.Keys!;
            }

            if (source.InFlight is null)
            {
                if (now - source.AttemptedAt < MinRefreshInterval)
                {
                    return source.Keys ?? [];
                }

                source.AttemptedAt = now;
                source.InFlight = LoadAsync(key, source, load);
            }

            pending = source.InFlight;
        }

        // The load is shared, so it runs on its own timeout: one caller giving up must not fail the others.
        try
        {
            return await pending.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return source.Keys ?? [];
        }
    }

    private async Task<IReadOnlyList<SecurityKey>> LoadAsync(string key, Source source, Func<CancellationToken, Task<string>> load)
    {
        // Never finish inline: the caller holds the lock and stores this task in InFlight after we return,
        // so clearing InFlight before that would leave a finished task there for good.
        await Task.Yield();
        IReadOnlyList<SecurityKey> keys;
        try
        {
            using var timeout = new CancellationTokenSource(LoadTimeout);
            keys = new JsonWebKeySet(await load(timeout.Token)).GetSigningKeys().ToList();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ArgumentException or OperationCanceledException
            or UnauthorizedAccessException or JsonException)
        {
            Log.JwksUnavailable(logger, key.Split(':')[0], ex.Message);
            lock (source)
            {
                source.InFlight = null;
                return source.Keys ?? [];
            }
        }

        lock (source)
        {
            source.Keys = keys;
            source.FetchedAt = time.GetUtcNow();
            source.InFlight = null;
        }

        return keys;
    }

    /// <summary>One key source's state; guarded by locking the instance.</summary>
    private sealed class Source
    {
        public IReadOnlyList<SecurityKey>? Keys { get; set; }

        public DateTimeOffset FetchedAt { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset AttemptedAt { get; set; } = DateTimeOffset.MinValue;

        public Task<IReadOnlyList<SecurityKey>>? InFlight { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "JWKS ({Source}) could not be loaded, using the last known keys (if any) for at least 10 s: {Reason}")]
        public static partial void JwksUnavailable(ILogger logger, string source, string reason);
    }
}
