#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Mcp.Sessions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// One live connection to a target (an MCP client session, or the OpenAPI adapter). Names and URIs here are the
/// target's own; federation renames them. <paramref name="meta"/> arguments carry <c>_meta</c> to forward (trace context).
/// </summary>
internal interface IUpstreamTarget : IAsyncDisposable
{
    ServerCapabilities Capabilities { get; }

    /// <summary>The MCP revision negotiated with the target (null for the OpenAPI adapter, which speaks HTTP).</summary>
    string? ProtocolVersion { get; }

    /// <summary>The name and version the target reported (null for the OpenAPI adapter).</summary>
    Implementation? ServerInfo { get; }

    /// <summary>The upstream Streamable HTTP session, kept in the session store so other replicas resume it (else null).</summary>
    UpstreamSessionState? Session { get; }

    /// <summary>Completes when the connection has died (process exited, transport closed).</summary>
    Task Completion { get; }

    ValueTask<ListToolsResult> ListToolsAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken);

    ValueTask<CallToolResult> CallToolAsync(string name, IDictionary<string, JsonElement>? arguments,
        IProgress<ProgressNotificationValue>? progress, JsonObject? meta, CancellationToken cancellationToken);

    ValueTask<ListPromptsResult> ListPromptsAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken);

    ValueTask<GetPromptResult> GetPromptAsync(string name, IDictionary<string, JsonElement>? arguments, JsonObject? meta, CancellationToken cancellationToken);

    ValueTask<ListResourcesResult> ListResourcesAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken);

    ValueTask<ListResourceTemplatesResult> ListResourceTemplatesAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken);

    ValueTask<ReadResourceResult> ReadResourceAsync(string uri, JsonObject? meta, CancellationToken cancellationToken);

    ValueTask<CompleteResult> CompleteAsync(CompleteRequestParams request, CancellationToken cancellationToken);

    Task SetLoggingLevelAsync(LoggingLevel level, CancellationToken cancellationToken);

    Task SubscribeAsync(string uri, CancellationToken cancellationToken);

    Task UnsubscribeAsync(string uri, CancellationToken cancellationToken);

    /// <summary>Checks the connection is alive; a dead one is marked broken (<see cref="Completion"/> completes).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
