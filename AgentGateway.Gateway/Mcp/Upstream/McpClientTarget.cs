#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Mcp.Sessions;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// A target reached through the SDK's <see cref="McpClient"/> (stdio, Streamable HTTP or SSE). Every call is raced
/// against the connection dying so a call in flight fails promptly with an error naming the target instead of hanging.
/// </summary>
internal sealed class McpClientTarget : IUpstreamTarget
{
    private readonly TaskCompletionSource _broken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _dead = new();
    private readonly string name;
    private readonly McpClient client;
    private UpstreamSessionState? _session;

    private readonly UpstreamProgress _progress;

    public McpClientTarget(string name, McpClient client, UpstreamProgress progress)
    {
        this.name = name;
        this.client = client;
        _progress = progress;
        // One watcher per connection (not per call): when the transport closes, in-flight calls are cancelled.
        _ = client.Completion.ContinueWith(static (_, state) => ((McpClientTarget)state!).MarkBroken(), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public ServerCapabilities Capabilities => client.ServerCapabilities;

    public string? ProtocolVersion => client.NegotiatedProtocolVersion;

    public Implementation? ServerInfo => client.ServerInfo;

    public UpstreamSessionState? Session => _session ??= client.SessionId is { } id ? new UpstreamSessionState
    {
        SessionId = id,
        ProtocolVersion = client.NegotiatedProtocolVersion,
        ServerInfo = JsonSerializer.Serialize(client.ServerInfo, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Implementation))),
        ServerCapabilities = JsonSerializer.Serialize(client.ServerCapabilities, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ServerCapabilities))),
        Instructions = client.ServerInstructions,
    } : null;

    public Task Completion => Task.WhenAny(client.Completion, _broken.Task);

    public ValueTask<ListToolsResult> ListToolsAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken) =>
        RunAsync(ct => client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor, Meta = meta }, ct), cancellationToken);

    /// <summary>
    /// Calls a tool with our own request id and progress token so that client cancellation becomes an explicit
    /// <c>notifications/cancelled</c> upstream: over Streamable HTTP the SDK client only aborts its POST when the
    /// token fires during the request, which servers do not treat as cancellation.
    /// </summary>
    public async ValueTask<CallToolResult> CallToolAsync(string toolName, IDictionary<string, JsonElement>? arguments,
        IProgress<ProgressNotificationValue>? progress, JsonObject? meta, CancellationToken cancellationToken)
    {
        var id = "agw-" + Guid.NewGuid().ToString("N");
        var requestId = new RequestId(id);
        var request = new CallToolRequestParams { Name = toolName, Arguments = arguments, Meta = meta };
        IDisposable? progressRegistration = null;
        if (progress is not null)
        {
            request.Meta ??= [];
            request.Meta["progressToken"] = id;
            progressRegistration = _progress.Register(id, progress); // in the target's order (see UpstreamProgress)
        }

        using var cancelRegistration = cancellationToken.Register(() => _ = SendCancelledAsync(requestId));
        try
        {
            return await RunAsync(ct => client.SendRequestAsync<CallToolRequestParams, CallToolResult>(
                RequestMethods.ToolsCall, request, McpJsonUtilities.DefaultOptions, requestId, ct), cancellationToken);
        }
        finally
        {
            progressRegistration?.Dispose();
        }
    }

    private async Task SendCancelledAsync(RequestId requestId)
    {
        try
        {
            await client.SendNotificationAsync(NotificationMethods.CancelledNotification,
                new CancelledNotificationParams { RequestId = requestId, Reason = "cancelled by the client" }, McpJsonUtilities.DefaultOptions, CancellationToken.None);
        }
        catch (Exception ex) when (UpstreamErrors.IsTransportFailure(ex) || ex is OperationCanceledException)
        {
            // The connection is gone; there is nothing left to cancel.
        }
    }

    public ValueTask<ListPromptsResult> ListPromptsAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken) =>
        RunAsync(ct => client.ListPromptsAsync(new ListPromptsRequestParams { Cursor = cursor, Meta = meta }, ct), cancellationToken);

    public ValueTask<GetPromptResult> GetPromptAsync(string promptName, IDictionary<string, JsonElement>? arguments, JsonObject? meta, CancellationToken cancellationToken) =>
        RunAsync(ct => client.GetPromptAsync(new GetPromptRequestParams { Name = promptName, Arguments = arguments, Meta = meta }, ct), cancellationToken);

    public ValueTask<ListResourcesResult> ListResourcesAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken) =>
        RunAsync(ct => client.ListResourcesAsync(new ListResourcesRequestParams { Cursor = cursor, Meta = meta }, ct), cancellationToken);

    public ValueTask<ListResourceTemplatesResult> ListResourceTemplatesAsync(string? cursor, JsonObject? meta, CancellationToken cancellationToken) =>
        RunAsync(ct => client.ListResourceTemplatesAsync(new ListResourceTemplatesRequestParams { Cursor = cursor, Meta = meta }, ct), cancellationToken);

    public ValueTask<ReadResourceResult> ReadResourceAsync(string uri, JsonObject? meta, CancellationToken cancellationToken) =>
        RunAsync(ct => client.ReadResourceAsync(new ReadResourceRequestParams { Uri = uri, Meta = meta }, ct), cancellationToken);

    public ValueTask<CompleteResult> CompleteAsync(CompleteRequestParams request, CancellationToken cancellationToken) =>
        RunAsync(ct => client.CompleteAsync(request, ct), cancellationToken);

    public Task SetLoggingLevelAsync(LoggingLevel level, CancellationToken cancellationToken) =>
        RunAsync(async ct => { await client.SetLoggingLevelAsync(level, null, ct); return true; }, cancellationToken).AsTask();

    public Task SubscribeAsync(string uri, CancellationToken cancellationToken) =>
        RunAsync(async ct => { await client.SubscribeToResourceAsync(uri, null, ct); return true; }, cancellationToken).AsTask();

    public Task UnsubscribeAsync(string uri, CancellationToken cancellationToken) =>
        RunAsync(async ct => { await client.UnsubscribeFromResourceAsync(uri, null, ct); return true; }, cancellationToken).AsTask();

    public Task PingAsync(CancellationToken cancellationToken) =>
        RunAsync(async ct => { await client.PingAsync(cancellationToken: ct); return true; }, cancellationToken).AsTask();

    private async ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        if (client.Completion.IsCompleted || _broken.Task.IsCompleted)
        {
            throw UpstreamErrors.Unavailable(name);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _dead.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (McpProtocolException)
        {
            throw; // the target answered with a JSON-RPC error: pass it on unchanged
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            MarkBroken();
            throw UpstreamErrors.Disconnected(name);
        }
        catch (Exception ex) when (UpstreamErrors.IsTransportFailure(ex))
        {
            MarkBroken();
            throw UpstreamErrors.Disconnected(name);
        }
    }

    /// <summary>A call forwarded past the SDK client (see Mcp/Forwarding) found the connection dead: reconnect, as a failed SDK call would.</summary>
    public void ReportBroken() => MarkBroken();

    private void MarkBroken()
    {
        if (_broken.TrySetResult())
        {
            _dead.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        MarkBroken();
        try
        {
            await client.DisposeAsync();
        }
        catch (Exception ex) when (UpstreamErrors.IsTransportFailure(ex) || ex is OperationCanceledException)
        {
            // Disposing a dead connection may throw; there is nothing left to clean up.
        }

        _dead.Dispose();
    }
}
