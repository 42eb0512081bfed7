#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Federation;

/// <summary>Resources, templates, completions, subscriptions and logging level of the federated server.</summary>
internal sealed partial class FederatedHandlers
{
    private async ValueTask<ListResourcesResult> ListResourcesAsync(RequestContext<ListResourcesRequestParams> ctx, CancellationToken ct)
    {
        var targets = await TargetsAsync(ctx, ct);
        var page = await _resources.ListAsync(FederatedRequest.Of(ctx), targets, ctx.Params?.Cursor, ct);
        return new ListResourcesResult { Resources = [.. page.Items], NextCursor = page.NextCursor };
    }

    private async ValueTask<ListResourceTemplatesResult> ListResourceTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> ctx, CancellationToken ct)
    {
        var targets = await TargetsAsync(ctx, ct);
        var page = await _templates.ListAsync(FederatedRequest.Of(ctx), targets, ctx.Params?.Cursor, ct);
        return new ListResourceTemplatesResult { ResourceTemplates = [.. page.Items], NextCursor = page.NextCursor };
    }

    /// <summary>
    /// Reads from the first candidate target that answers; an unprefixed URI of unknown owner is tried on each in turn.
    /// The candidates are those the caller may read, up to the first it may not (see the authorization filter).
    /// </summary>
    private async ValueTask<ReadResourceResult> ReadResourceAsync(RequestContext<ReadResourceRequestParams> ctx, CancellationToken ct)
    {
        var read = ctx.Params ?? throw MissingParams();
        var request = await ResolveResourceAsync(ctx, read.Uri, ct);
        using var inProgress = _enterRequest(ctx.Server);
        var candidates = request.Candidates!;
        if (candidates.Count == 0 && request.Refusal is null)
        {
            throw new McpProtocolException($"Resource not found: '{read.Uri}'", McpErrorCode.ResourceNotFound);
        }

        var fallBack = candidates.Count + (request.Refusal is null ? 0 : 1) > 1;
        McpProtocolException? last = null;
        foreach (var (connection, uri) in candidates)
        {
            request.Target = connection;
            try
            {
                var result = await connection.GetOrThrow().ReadResourceAsync(uri, UpstreamMeta.From(read), ct);
                foreach (var contents in result.Contents)
                {
                    contents.Uri = FederatedNames.ExposeUri(connection.Name, contents.Uri, request.Targets!.Prefixed);
                }

                return result;
            }
            catch (McpProtocolException ex) when (fallBack)
            {
                last = ex; // unprefixed URI of unknown owner: try the next target
            }
        }

        if (request.Refusal is { } refusal)
        {
            request.Target = refusal.Target;
            throw refusal.Error;
        }

        throw last!;
    }

    private async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> ctx, CancellationToken ct)
    {
        var request = await ResolveCompletionAsync(ctx, ct);
        var connection = request.Target!;
        if (connection.Current is { Capabilities.Completions: null })
        {
            return new CompleteResult();
        }

        var completion = ctx.Params!;
        var forwarded = new CompleteRequestParams
        {
            Ref = request.UpstreamReference!, Argument = completion.Argument, Context = completion.Context, Meta = UpstreamMeta.From(completion),
        };
        return await connection.GetOrThrow().CompleteAsync(forwarded, ct);
    }

    private async ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> ctx, CancellationToken ct)
    {
        var subscribe = ctx.Params ?? throw MissingParams();
        var request = await ResolveResourceAsync(ctx, subscribe.Uri, ct);
        foreach (var (connection, uri) in request.Candidates!.Take(1))
        {
            await connection.GetOrThrow().SubscribeAsync(uri, ct);
        }

        return new EmptyResult();
    }

    private async ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> ctx, CancellationToken ct)
    {
        var request = ctx.Params ?? throw MissingParams();
        var targets = await TargetsAsync(ctx, ct);
        foreach (var (connection, uri) in TargetResolver.ResolveUri(targets, request.Uri, _resourceOwners).Take(1))
        {
            await connection.GetOrThrow().UnsubscribeAsync(uri, ct);
        }

        return new EmptyResult();
    }

    /// <summary>Fans the level out to every connected target that does logging; a failing target does not fail the request.</summary>
    private async ValueTask<EmptyResult> SetLoggingLevelAsync(RequestContext<SetLevelRequestParams> ctx, CancellationToken ct)
    {
        var level = ctx.Params?.Level ?? LoggingLevel.Info;
        var targets = await TargetsAsync(ctx, ct);
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
                    Log.TargetListFailed(_logger, _backend, c.Name, RequestMethods.LoggingSetLevel, ex.Message);
                }
            }
        }));
        return new EmptyResult();
    }
}
