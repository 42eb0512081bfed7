#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using AgentGateway.Mcp.Upstream;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using static AgentGateway.Mcp.Federation.FederatedPager;

namespace AgentGateway.Mcp.Federation;

/// <summary>Resources, templates, completions, subscriptions and logging level of the federated server.</summary>
internal sealed partial class FederatedHandlers
{
    private async ValueTask<ListResourcesResult> ListResourcesAsync(RequestContext<ListResourcesRequestParams> ctx, CancellationToken ct)
    {
        using var activity = McpTelemetry.StartRequest(RequestMethods.ResourcesList, ctx.Server.SessionId, backend);
        var targets = await resolveTargets(ctx.Server, ct);
        var meta = UpstreamMeta.From(ctx.Params);
        var page = await ListAsync<Resource>(targets, ctx.Params?.Cursor, RequestMethods.ResourcesList, backend, logger, async (c, t, cursor, token) =>
        {
            if (t.Capabilities.Resources is null)
            {
                return default;
            }

            var result = await t.ListResourcesAsync(cursor, meta, token);
            var kept = new List<Resource>(result.Resources.Count);
            foreach (var resource in result.Resources)
            {
                var exposed = FederatedNames.ExposeUri(c.Name, resource.Uri, targets.Prefixed);
                if (Claim(_resources, "resource", exposed, c.Name, targets)
                    && await authorization.IsAllowedAsync(McpAuthorization.ReadResource, exposed, c.Name, resource.Uri, null, token))
                {
                    resource.Uri = exposed;
                    kept.Add(resource);
                }
            }

            return new Page<Resource>(kept, result.NextCursor);
        }, ct);
        return new ListResourcesResult { Resources = [.. page.Items], NextCursor = page.NextCursor };
    }

    private async ValueTask<ListResourceTemplatesResult> ListResourceTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> ctx, CancellationToken ct)
    {
        using var activity = McpTelemetry.StartRequest(RequestMethods.ResourcesTemplatesList, ctx.Server.SessionId, backend);
        var targets = await resolveTargets(ctx.Server, ct);
        var meta = UpstreamMeta.From(ctx.Params);
        var page = await ListAsync<ResourceTemplate>(targets, ctx.Params?.Cursor, RequestMethods.ResourcesTemplatesList, backend, logger, async (c, t, cursor, token) =>
        {
            if (t.Capabilities.Resources is null)
            {
                return default;
            }

            var result = await t.ListResourceTemplatesAsync(cursor, meta, token);
            foreach (var template in result.ResourceTemplates)
            {
                template.UriTemplate = FederatedNames.ExposeUri(c.Name, template.UriTemplate, targets.Prefixed);
            }

            return new Page<ResourceTemplate>([.. result.ResourceTemplates], result.NextCursor);
        }, ct);
        return new ListResourceTemplatesResult { ResourceTemplates = [.. page.Items], NextCursor = page.NextCursor };
    }

    private async ValueTask<ReadResourceResult> ReadResourceAsync(RequestContext<ReadResourceRequestParams> ctx, CancellationToken ct)
    {
        var request = ctx.Params ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams);
        using var activity = McpTelemetry.StartRequest(RequestMethods.ResourcesRead, ctx.Server.SessionId, backend);
        var targets = await resolveTargets(ctx.Server, ct);
        using var inProgress = enterRequest(ctx.Server);
        var candidates = TargetResolver.ResolveUri(targets, request.Uri, _resources);
        if (candidates.Count == 0)
        {
            throw new McpProtocolException($"Resource not found: '{request.Uri}'", McpErrorCode.ResourceNotFound);
        }

        McpProtocolException? last = null;
        foreach (var (connection, uri) in candidates)
        {
            activity?.SetTag(McpTelemetry.TargetTag, connection.Name);
            await authorization.DemandAsync(McpAuthorization.ReadResource, request.Uri, connection.Name, uri, null, ct);
            try
            {
                var result = await connection.GetOrThrow().ReadResourceAsync(uri, UpstreamMeta.From(request), ct);
                foreach (var contents in result.Contents)
                {
                    contents.Uri = FederatedNames.ExposeUri(connection.Name, contents.Uri, targets.Prefixed);
                }

                return result;
            }
            catch (McpProtocolException ex) when (candidates.Count > 1)
            {
                last = ex; // unprefixed URI of unknown owner: try the next target
            }
        }

        throw last!;
    }

    private async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> ctx, CancellationToken ct)
    {
        var request = ctx.Params ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams);
        using var activity = McpTelemetry.StartRequest(RequestMethods.CompletionComplete, ctx.Server.SessionId, backend);
        var targets = await resolveTargets(ctx.Server, ct);
        TargetConnection connection;
        Reference upstreamRef;
        switch (request.Ref)
        {
            case PromptReference prompt:
                var (promptTarget, promptName) = await TargetResolver.ResolveNameAsync(targets, prompt.Name, "prompt", _prompts, t => RefreshPromptsAsync(targets, t), ct);
                // Completing a prompt's arguments reveals what the prompt offers: allowed only to who may get it.
                await authorization.DemandAsync(McpAuthorization.GetPrompt, prompt.Name, promptTarget.Name, promptName, null, ct);
                (connection, upstreamRef) = (promptTarget, new PromptReference { Name = promptName, Title = prompt.Title });
                break;
            case ResourceTemplateReference { Uri: { } uri }:
                var candidates = TargetResolver.ResolveUri(targets, uri, _resources);
                if (candidates.Count == 0)
                {
                    throw new McpProtocolException($"Resource not found: '{uri}'", McpErrorCode.InvalidParams);
                }

                await authorization.DemandAsync(McpAuthorization.ReadResource, uri, candidates[0].Target.Name, candidates[0].Uri, null, ct);
                (connection, upstreamRef) = (candidates[0].Target, new ResourceTemplateReference { Uri = candidates[0].Uri });
                break;
            default:
                throw new McpProtocolException("Unsupported completion reference", McpErrorCode.InvalidParams);
        }

        if (connection.Current is { Capabilities.Completions: null })
        {
            return new CompleteResult();
        }

        var forwarded = new CompleteRequestParams { Ref = upstreamRef, Argument = request.Argument, Context = request.Context, Meta = UpstreamMeta.From(request) };
        return await connection.GetOrThrow().CompleteAsync(forwarded, ct);
    }

    private async ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> ctx, CancellationToken ct)
    {
        var request = ctx.Params ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams);
        var targets = await resolveTargets(ctx.Server, ct);
        foreach (var (connection, uri) in TargetResolver.ResolveUri(targets, request.Uri, _resources).Take(1))
        {
            await authorization.DemandAsync(McpAuthorization.ReadResource, request.Uri, connection.Name, uri, null, ct);
            await connection.GetOrThrow().SubscribeAsync(uri, ct);
        }

        return new EmptyResult();
    }

    private async ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> ctx, CancellationToken ct)
    {
        var request = ctx.Params ?? throw new McpProtocolException("Missing params", McpErrorCode.InvalidParams);
        var targets = await resolveTargets(ctx.Server, ct);
        foreach (var (connection, uri) in TargetResolver.ResolveUri(targets, request.Uri, _resources).Take(1))
        {
            await connection.GetOrThrow().UnsubscribeAsync(uri, ct);
        }

        return new EmptyResult();
    }

    /// <summary>Fans the level out to every connected target that does logging; a failing target does not fail the request.</summary>
    private async ValueTask<EmptyResult> SetLoggingLevelAsync(RequestContext<SetLevelRequestParams> ctx, CancellationToken ct)
    {
        var level = ctx.Params?.Level ?? LoggingLevel.Info;
        var targets = await resolveTargets(ctx.Server, ct);
        await Task.WhenAll(targets.Connections.Select(async c =>
        {
            if (c.Current is { Capabilities.Logging: not null } t)
            {
                try
                {
                    await t.SetLoggingLevelAsync(level, ct);
                }
                catch (McpException ex)
                {
                    Log.TargetListFailed(logger, backend, c.Name, RequestMethods.LoggingSetLevel, ex.Message);
                }
            }
        }));
        return new EmptyResult();
    }
}
