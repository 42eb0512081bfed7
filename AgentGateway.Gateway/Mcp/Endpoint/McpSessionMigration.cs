using System.Text.Json;
using AgentGateway.Mcp.Sessions;
using ModelContextProtocol;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// Keeps client sessions in <see cref="IMcpSessionStore"/>: the initialize params and principal are stored when a
/// session starts; a session id this server has not seen (config reload rebuilt the backend, or another replica
/// created it) is recreated from the store, only for the same backend and the same principal.
/// </summary>
#pragma warning disable MCP9006 // Session migration is the SDK's multi-replica hook; we depend on it on purpose.
internal sealed class McpSessionMigration(McpBackendRuntime runtime) : ISessionMigrationHandler
#pragma warning restore MCP9006
{
    public async ValueTask OnSessionInitializedAsync(HttpContext context, string sessionId, InitializeRequestParams initializeParams, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(initializeParams, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(InitializeRequestParams)));

        // A second initialize in a live session: the SDK hands us the HttpContext of the first request (disposed by
        // now), and the owner was checked on this request already — keep the record's owner and upstream sessions.
        if (await runtime.Store.GetAsync(sessionId, cancellationToken) is { } existing)
        {
            await runtime.Store.SetAsync(existing with { InitializeParams = json }, runtime.Ttl, cancellationToken);
            return;
        }

        var record = new McpSessionRecord
        {
            SessionId = sessionId,
            Backend = runtime.Name,
            Principal = McpPrincipal.Of(context.User),
            InitializeParams = json,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await runtime.Store.SetAsync(record, runtime.Ttl, cancellationToken);
    }

    public async ValueTask<InitializeRequestParams?> AllowSessionMigrationAsync(HttpContext context, string sessionId, CancellationToken cancellationToken)
    {
        var record = await runtime.Store.GetAsync(sessionId, cancellationToken);
        if (record is null || record.Backend != runtime.Name || record.Principal != McpPrincipal.Of(context.User) || record.InitializeParams is null)
        {
            return null;
        }

        return (InitializeRequestParams?)JsonSerializer.Deserialize(record.InitializeParams, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(InitializeRequestParams)));
    }
}
