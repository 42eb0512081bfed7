using System.Text.Json;
using StackExchange.Redis;

namespace AgentGateway.Mcp.Sessions;

/// <summary>
/// Session store shared by replicas: one Redis string per session (JSON) whose key TTL is the idle timeout,
/// so Redis itself expires idle sessions.
/// </summary>
internal sealed class RedisMcpSessionStore(Func<Task<IConnectionMultiplexer>> connect) : IMcpSessionStore
{
    private const string KeyPrefix = "agentgateway:mcp:session:";

    public async ValueTask SetAsync(McpSessionRecord record, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var db = await GetDatabaseAsync();
        await db.StringSetAsync(Key(record.SessionId), JsonSerializer.Serialize(record, McpSessionJson.Default.McpSessionRecord), ttl);
    }

    public async ValueTask<McpSessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var db = await GetDatabaseAsync();
        var value = await db.StringGetAsync(Key(sessionId));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize(value.ToString(), McpSessionJson.Default.McpSessionRecord);
    }

    public async ValueTask<bool> TouchAsync(string sessionId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var db = await GetDatabaseAsync();
        return await db.KeyExpireAsync(Key(sessionId), ttl);
    }

    public async ValueTask RemoveAsync(string sessionId, CancellationToken cancellationToken)
    {
        var db = await GetDatabaseAsync();
        await db.KeyDeleteAsync(Key(sessionId));
    }

    private async Task<IDatabase> GetDatabaseAsync() => (await connect()).GetDatabase();

    private static RedisKey Key(string sessionId) => KeyPrefix + sessionId;
}
