#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using AgentGateway.Mcp.Upstream;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using static AgentGateway.Mcp.Federation.FederatedPager;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// The request handlers of a federated MCP server: merged, renamed, authorized lists and calls routed to the
/// owning target. Which <see cref="TargetSet"/> serves a request depends on the client session (see the runtime).
/// </summary>
internal sealed partial class FederatedHandlers(string backend, McpAuthorization authorization,
    Func<McpServer, CancellationToken, ValueTask<TargetSet>> resolveTargets, Func<McpServer, IDisposable?> enterRequest, ILogger logger)
{
    private readonly NameOwners _tools = new();
    private readonly NameOwners _prompts = new();
    private readonly NameOwners _resources = new();

    public void Install(McpServerOptions options)
    {
        var h = options.Handlers;
        h.ListToolsHandler = ListToolsAsync;
        h.CallToolHandler = CallToolAsync;
        h.ListPromptsHandler = ListPromptsAsync;
        h.GetPromptHandler = GetPromptAsync;
        h.ListResourcesHandler = ListResourcesAsync;
        h.ListResourceTemplatesHandler = ListResourceTemplatesAsync;
        h.ReadResourceHandler = ReadResourceAsync;
        h.CompleteHandler = CompleteAsync;
        h.SubscribeToResourcesHandler = SubscribeAsync;
        h.UnsubscribeFromResourcesHandler = UnsubscribeAsync;
        h.SetLoggingLevelHandler = SetLoggingLevelAsync;
    }

    private async ValueTask<ListToolsResult> ListToolsAsync(RequestContext<ListToolsRequestParams> ctx, CancellationToken ct)
    {
        using var activity = McpTelemetry.StartRequest(RequestMethods.ToolsList, ctx.Server.SessionId, backend);
        var targets = await resolveTargets(ctx.Server, ct);
        var meta = UpstreamMeta.From(ctx.Params);
        var page = await ListAsync<Tool>(targets, ctx.Params?.Cursor, RequestMethods.ToolsList, backend, logger, async (c, t, cursor, token) =>
        {
            var result = await t.ListToolsAsync(cursor, meta, token);
            var kept = new List<Tool>(result.Tools.Count);
            foreach (var tool in result.Tools)
            {
                var exposed = FederatedNames.ExposeName(c.Name, tool.Name, targets.Prefixed);
                if (!Claim(_tools, "tool", exposed, c.Name, targets)
                    || !await authorization.IsAllowedAsync(McpAuthorization.CallTool, exposed, c.Name, tool.Name, null, token))
                {
                    continue;
                }

                tool.Name = exposed; // everything else (schemas, annotations, _meta) passes through untouched
                kept.Add(tool);
            }

            return new Page<Tool>(kept, result.NextCursor);
        }, ct);
        return new ListToolsResult { Tools = [.. page.Items], NextCursor = page.NextCursor };
    }

    private async ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> ctx, CancellationToken ct)
    {
        var request = ctx.Params ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams);
        using var activity = McpTelemetry.StartRequest(RequestMethods.ToolsCall, ctx.Server.SessionId, backend, request.Name);
        var targets = await resolveTargets(ctx.Server, ct);
        using var inProgress = enterRequest(ctx.Server);
        var (connection, name) = await TargetResolver.ResolveNameAsync(targets, request.Name, "tool", _tools, t => RefreshToolsAsync(targets, t), ct);
        activity?.SetTag(McpTelemetry.TargetTag, connection.Name);
        var outcome = "error";
        var protocol = "none";
        try
        {
            await authorization.DemandAsync(McpAuthorization.CallTool, request.Name, connection.Name, name, request.Arguments, ct);
            var progress = request.ProgressToken is { } token ? new ForwardingProgress(ctx.Server, token) : null;
            var target = connection.GetOrThrow();
            protocol = target.ProtocolVersion ?? "openapi";
            activity?.SetTag(McpTelemetry.TargetProtocolTag, protocol);
            var result = await target.CallToolAsync(name, request.Arguments, progress, UpstreamMeta.From(request), ct);
            if (progress is not null)
            {
                await progress.FlushAsync();
            }

            outcome = result.IsError == true ? "tool_error" : "ok";
            FederatedNames.ExposeUris(result.Content, connection.Name, targets.Prefixed);
            return RevisionBridge.ForClient(result, ctx.Server.NegotiatedProtocolVersion);
        }
        finally
        {
            McpTelemetry.ToolCalls.Add(1, new("backend", backend), new("target", connection.Name), new("tool", request.Name), new("outcome", outcome),
                new("protocol_version", protocol));
        }
    }

    private async ValueTask<ListPromptsResult> ListPromptsAsync(RequestContext<ListPromptsRequestParams> ctx, CancellationToken ct)
    {
        using var activity = McpTelemetry.StartRequest(RequestMethods.PromptsList, ctx.Server.SessionId, backend);
        var targets = await resolveTargets(ctx.Server, ct);
        var meta = UpstreamMeta.From(ctx.Params);
        var page = await ListAsync<Prompt>(targets, ctx.Params?.Cursor, RequestMethods.PromptsList, backend, logger, async (c, t, cursor, token) =>
        {
            if (t.Capabilities.Prompts is null)
            {
                return default;
            }

            var result = await t.ListPromptsAsync(cursor, meta, token);
            var kept = new List<Prompt>(result.Prompts.Count);
            foreach (var prompt in result.Prompts)
            {
                var exposed = FederatedNames.ExposeName(c.Name, prompt.Name, targets.Prefixed);
                if (Claim(_prompts, "prompt", exposed, c.Name, targets)
                    && await authorization.IsAllowedAsync(McpAuthorization.GetPrompt, exposed, c.Name, prompt.Name, null, token))
                {
                    prompt.Name = exposed;
                    kept.Add(prompt);
                }
            }

            return new Page<Prompt>(kept, result.NextCursor);
        }, ct);
        return new ListPromptsResult { Prompts = [.. page.Items], NextCursor = page.NextCursor };
    }

    private async ValueTask<GetPromptResult> GetPromptAsync(RequestContext<GetPromptRequestParams> ctx, CancellationToken ct)
    {
        var request = ctx.Params ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams);
        using var activity = McpTelemetry.StartRequest(RequestMethods.PromptsGet, ctx.Server.SessionId, backend);
        var targets = await resolveTargets(ctx.Server, ct);
        using var inProgress = enterRequest(ctx.Server);
        var (connection, name) = await TargetResolver.ResolveNameAsync(targets, request.Name, "prompt", _prompts, t => RefreshPromptsAsync(targets, t), ct);
        activity?.SetTag(McpTelemetry.TargetTag, connection.Name);
        await authorization.DemandAsync(McpAuthorization.GetPrompt, request.Name, connection.Name, name, null, ct);
        var result = await connection.GetOrThrow().GetPromptAsync(name, request.Arguments, UpstreamMeta.From(request), ct);
        FederatedNames.ExposeUris(result.Messages.Select(static m => m.Content), connection.Name, targets.Prefixed);
        return RevisionBridge.ForClient(result, ctx.Server.NegotiatedProtocolVersion);
    }

    /// <summary>Under prefix: never, the first target (config order) keeps a name; later duplicates are left out and logged.</summary>
    private bool Claim(NameOwners owners, string kind, string exposed, string target, TargetSet targets)
    {
        if (targets.Prefixed || targets.Connections.Count == 1 || owners.TryClaim(exposed, target, targets.Names))
        {
            return true;
        }

        Log.NameCollision(logger, backend, kind, exposed, target);
        return false;
    }

    private async ValueTask RefreshToolsAsync(TargetSet targets, CancellationToken ct)
    {
        foreach (var c in targets.Connections)
        {
            if (c.Current is not { } t)
            {
                continue;
            }

            string? cursor = null;
            do
            {
                var page = await t.ListToolsAsync(cursor, null, ct);
                foreach (var tool in page.Tools)
                {
                    Claim(_tools, "tool", tool.Name, c.Name, targets);
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }
    }

    private async ValueTask RefreshPromptsAsync(TargetSet targets, CancellationToken ct)
    {
        foreach (var c in targets.Connections)
        {
            if (c.Current is not { Capabilities.Prompts: not null } t)
            {
                continue;
            }

            string? cursor = null;
            do
            {
                var page = await t.ListPromptsAsync(cursor, null, ct);
                foreach (var prompt in page.Prompts)
                {
                    Claim(_prompts, "prompt", prompt.Name, c.Name, targets);
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }
    }
}
