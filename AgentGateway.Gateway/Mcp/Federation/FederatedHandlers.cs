#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using AgentGateway.Mcp.Upstream;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// The request handlers of a federated MCP server: merged, renamed lists and calls routed to the owning target.
/// Which <see cref="TargetSet"/> serves a request depends on the client session (see the runtime). Spans, metrics and
/// authorization are not here: they are composed around these handlers once per backend (<see cref="FederatedTelemetryFilters"/>,
/// <see cref="FederatedAuthorizationFilters"/>), and share what a request resolved to through <see cref="FederatedRequest"/>.
/// </summary>
internal sealed partial class FederatedHandlers
{
    private readonly string _backend;
    private readonly Func<McpServer, CancellationToken, ValueTask<TargetSet>> _resolveTargets;
    private readonly Func<McpServer, IDisposable?> _enterRequest;
    private readonly ILogger _logger;
    private readonly NameOwners _toolOwners = new();
    private readonly NameOwners _promptOwners = new();
    private readonly NameOwners _resourceOwners = new();
    private readonly FederatedList<Tool> _tools;
    private readonly FederatedList<Prompt> _prompts;
    private readonly FederatedList<Resource> _resources;
    private readonly FederatedList<ResourceTemplate> _templates;

    public FederatedHandlers(string backend, Func<McpServer, CancellationToken, ValueTask<TargetSet>> resolveTargets,
        Func<McpServer, IDisposable?> enterRequest, ILogger logger)
    {
        _backend = backend;
        _resolveTargets = resolveTargets;
        _enterRequest = enterRequest;
        _logger = logger;
        _tools = new(RequestMethods.ToolsList, static _ => true,
            static async (t, cursor, meta, ct) =>
            {
                var r = await t.ListToolsAsync(cursor, meta, ct);
                return (r.Tools, r.NextCursor);
            },
            static tool => tool.Name, static (tool, name) => tool.Name = name, FederatedNames.ExposeName,
            (exposed, target, targets) => Claim(_toolOwners, "tool", exposed, target, targets), backend, logger);
        _prompts = new(RequestMethods.PromptsList, static t => t.Capabilities.Prompts is not null,
            static async (t, cursor, meta, ct) =>
            {
                var r = await t.ListPromptsAsync(cursor, meta, ct);
                return (r.Prompts, r.NextCursor);
            },
            static prompt => prompt.Name, static (prompt, name) => prompt.Name = name, FederatedNames.ExposeName,
            (exposed, target, targets) => Claim(_promptOwners, "prompt", exposed, target, targets), backend, logger);
        _resources = new(RequestMethods.ResourcesList, static t => t.Capabilities.Resources is not null,
            static async (t, cursor, meta, ct) =>
            {
                var r = await t.ListResourcesAsync(cursor, meta, ct);
                return (r.Resources, r.NextCursor);
            },
            static resource => resource.Uri, static (resource, uri) => resource.Uri = uri, FederatedNames.ExposeUri,
            (exposed, target, targets) => Claim(_resourceOwners, "resource", exposed, target, targets), backend, logger);
        _templates = new(RequestMethods.ResourcesTemplatesList, static t => t.Capabilities.Resources is not null,
            static async (t, cursor, meta, ct) =>
            {
                var r = await t.ListResourceTemplatesAsync(cursor, meta, ct);
                return (r.ResourceTemplates, r.NextCursor);
            },
            static template => template.UriTemplate, static (template, uri) => template.UriTemplate = uri, FederatedNames.ExposeUri,
            null, backend, logger);
    }

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
        var targets = await TargetsAsync(ctx, ct);
        var page = await _tools.ListAsync(FederatedRequest.Of(ctx), targets, ctx.Params?.Cursor, ct);
        return new ListToolsResult { Tools = [.. page.Items], NextCursor = page.NextCursor };
    }

    /// <summary>The merged tool list from the targets' caches, outside the SDK's pipeline (see <see cref="ToolListAnswers"/>).</summary>
    public ValueTask<FederatedPager.Page<Tool>> ListToolsAsync(FederatedRequest request, TargetSet targets, CancellationToken ct) =>
        _tools.ListAsync(request, targets, cursor: null, ct);

    private async ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> ctx, CancellationToken ct)
    {
        var request = await ResolveToolAsync(ctx, ct);
        var call = ctx.Params!;
        using var inProgress = _enterRequest(ctx.Server);
        var progress = call.ProgressToken is { } token ? new ForwardingProgress(ctx.Server, token) : null;
        var target = request.Target!.GetOrThrow();
        request.Protocol = target.ProtocolVersion ?? "openapi";
        var result = await target.CallToolAsync(request.UpstreamName!, call.Arguments, progress, UpstreamMeta.From(call), ct);
        if (progress is not null)
        {
            await progress.FlushAsync();
        }

        FederatedNames.ExposeUris(result.Content, request.Target.Name, request.Targets!.Prefixed);
        return RevisionBridge.ForClient(result, ctx.Server.NegotiatedProtocolVersion);
    }

    private async ValueTask<ListPromptsResult> ListPromptsAsync(RequestContext<ListPromptsRequestParams> ctx, CancellationToken ct)
    {
        var targets = await TargetsAsync(ctx, ct);
        var page = await _prompts.ListAsync(FederatedRequest.Of(ctx), targets, ctx.Params?.Cursor, ct);
        return new ListPromptsResult { Prompts = [.. page.Items], NextCursor = page.NextCursor };
    }

    private async ValueTask<GetPromptResult> GetPromptAsync(RequestContext<GetPromptRequestParams> ctx, CancellationToken ct)
    {
        var request = await ResolvePromptAsync(ctx, ct);
        using var inProgress = _enterRequest(ctx.Server);
        var result = await request.Target!.GetOrThrow().GetPromptAsync(request.UpstreamName!, ctx.Params!.Arguments, UpstreamMeta.From(ctx.Params), ct);
        FederatedNames.ExposeUris(result.Messages.Select(static m => m.Content), request.Target.Name, request.Targets!.Prefixed);
        return RevisionBridge.ForClient(result, ctx.Server.NegotiatedProtocolVersion);
    }

    /// <summary>Under prefix: never, the first target (config order) keeps a name; later duplicates are left out and logged.</summary>
    private bool Claim(NameOwners owners, string kind, string exposed, string target, TargetSet targets)
    {
        if (targets.Prefixed || targets.Connections.Count == 1 || owners.TryClaim(exposed, target, targets.Names))
        {
            return true;
        }

        Log.NameCollision(_logger, _backend, kind, exposed, target);
        return false;
    }
}
