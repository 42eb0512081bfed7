using System.Text.Json;
using StackExchange.Redis;

namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// Session store shared by replicas: one Redis string per session (JSON) whose key TTL is the idle timeout,
/// so Redis itself expires idle sessions. A removed session leaves a marker for a while, so a replica's memory copy
/// can tell "ended" from "lost" (Redis restarted without its data).
/// </summary>
internal sealed class RedisMcpSessionStore(Func<Task<IConnectionMultiplexer>> connect) : IMcpSessionStore
{
    private const string KeyPrefix = "agentgateway:mcp:session:";
    private const string EndedPrefix = "agentgateway:mcp:ended:";

    /// <summary>How long an ended session is remembered (replicas forget their copies on their next read anyway).</summary>
    public static readonly TimeSpan EndedMarkerTtl = TimeSpan.FromHours(1);

    public async ValueTask SetAsync(McpSessionRecord record, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var db = await GetDatabaseAsync();
        await db.StringSetAsync(Key(record.SessionId), JsonSerializer.Serialize(record, McpSessionJson.Default.McpSessionRecord), ttl);
    }

    public async ValueTask<McpSessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var db = await GetDatabaseAsync();
        return Read(await db.StringGetAsync(Key(sessionId)));
    }

    /// <summary>One GETEX (Redis 6.2+): the read and the sliding expiry in one round trip.</summary>
    public async ValueTask<McpSessionRecord?> GetAndTouchAsync(string sessionId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var db = await GetDatabaseAsync();
        return Read(await db.StringGetSetExpiryAsync(Key(sessionId), ttl));
    }

    public async ValueTask RemoveAsync(string sessionId, CancellationToken cancellationToken)
    {
        var db = await GetDatabaseAsync();
        var ended = db.StringSetAsync(EndedPrefix + sessionId, "1", EndedMarkerTtl);
        await db.KeyDeleteAsync(Key(sessionId));
        await ended;
    }

    /// <summary>Whether the session was removed (ended) recently, as opposed to never stored or lost.</summary>
    public async ValueTask<bool> WasRemovedAsync(string sessionId)
    {
        var db = await GetDatabaseAsync();
        return await db.KeyExistsAsync(EndedPrefix + sessionId);
    }

    private async Task<IDatabase> GetDatabaseAsync() => (await connect()).GetDatabase();

    private static RedisKey Key(string sessionId) => KeyPrefix + sessionId;

    private static McpSessionRecord? Read(RedisValue value) =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize(value.ToString(), McpSessionJson.Default.McpSessionRecord);
}
