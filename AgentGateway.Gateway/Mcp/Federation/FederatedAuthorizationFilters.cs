using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using static AgentGateway.Mcp.Federation.HandlerComposition;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// DESIGN.md §6 for the federated server, composed around the handlers once per backend (inside the telemetry,
/// see <see cref="HandlerComposition"/>): a call, get, read,
/// completion or subscription is resolved to its owning target and refused with a JSON-RPC error when the principal
/// may not use it; a list loses the items the principal may not see. Resolution is the handlers' (shared through
/// <see cref="FederatedRequest"/>, so it happens once).
/// </summary>
internal sealed class FederatedAuthorizationFilters(McpAuthorization authorization, FederatedHandlers handlers)
{
    public void WrapAround(McpServerHandlers h)
    {
        h.ListToolsHandler = Around(h.ListToolsHandler, next => (ctx, ct) => ListAsync(ctx, next, McpAuthorization.CallTool, static r => r.Tools, static t => t.Name, ct));
        h.ListPromptsHandler = Around(h.ListPromptsHandler, next => (ctx, ct) => ListAsync(ctx, next, McpAuthorization.GetPrompt, static r => r.Prompts, static p => p.Name, ct));
        h.ListResourcesHandler = Around(h.ListResourcesHandler, next => (ctx, ct) => ListAsync(ctx, next, McpAuthorization.ReadResource, static r => r.Resources, static r => r.Uri, ct));
        h.CallToolHandler = Around(h.CallToolHandler, next => async (ctx, ct) =>
        {
            if (ctx.Params is { } call)
            {
                await DemandAsync(await handlers.ResolveToolAsync(ctx, ct), call.Arguments, ct);
            }

            return await next(ctx, ct);
        });
        h.GetPromptHandler = Around(h.GetPromptHandler, next => async (ctx, ct) =>
        {
            if (ctx.Params is not null)
            {
                await DemandAsync(await handlers.ResolvePromptAsync(ctx, ct), null, ct);
            }

            return await next(ctx, ct);
        });
        h.CompleteHandler = Around(h.CompleteHandler, next => async (ctx, ct) =>
        {
            if (ctx.Params is not null)
            {
                await DemandAsync(await handlers.ResolveCompletionAsync(ctx, ct), null, ct);
            }

            return await next(ctx, ct);
        });
        h.ReadResourceHandler = Around(h.ReadResourceHandler, next => async (ctx, ct) =>
        {
            if (ctx.Params is { } read)
            {
                await KeepReadableAsync(await handlers.ResolveResourceAsync(ctx, read.Uri, ct), ct);
            }

            return await next(ctx, ct);
        });
        h.SubscribeToResourcesHandler = Around(h.SubscribeToResourcesHandler, next => async (ctx, ct) =>
        {
            if (ctx.Params is { } subscribe && (await handlers.ResolveResourceAsync(ctx, subscribe.Uri, ct)) is { Candidates: [var first, ..] })
            {
                await authorization.DemandAsync(McpAuthorization.ReadResource, subscribe.Uri, first.Target.Name, first.Uri, null, ct);
            }

            return await next(ctx, ct);
        });
    }

    private ValueTask DemandAsync(FederatedRequest request, IDictionary<string, System.Text.Json.JsonElement>? arguments, CancellationToken ct) =>
        authorization.DemandAsync(request.Action!, request.Exposed!, request.Target!.Name, request.UpstreamName!, arguments, ct);

    /// <summary>
    /// A read tries its candidate targets in order: it may use those up to the first the principal may not read, and
    /// reaching that one is refused. The first being refused fails the read at once.
    /// </summary>
    private async ValueTask KeepReadableAsync(FederatedRequest request, CancellationToken ct)
    {
        var candidates = request.Candidates!;
        for (var i = 0; i < candidates.Count; i++)
        {
            var (target, uri) = candidates[i];
            if (await authorization.IsAllowedAsync(McpAuthorization.ReadResource, request.Exposed!, target.Name, uri, null, ct))
            {
                continue;
            }

            var refusal = McpAuthorization.Forbidden(McpAuthorization.ReadResource, request.Exposed!);
            if (i == 0)
            {
                request.Target = target;
                throw refusal;
            }

            (request.Candidates, request.Refusal) = ([.. candidates.Take(i)], (target, refusal));
            return;
        }
    }

    /// <summary>
    /// Drops the page's items the principal may not see. A page left empty with more to come is not returned: the next
    /// page is fetched instead, so a client never pages through empty results.
    /// </summary>
    private async ValueTask<TResult> ListAsync<TParams, TResult, TItem>(RequestContext<TParams> ctx, McpRequestHandler<TParams, TResult> next, string action,
        Func<TResult, IList<TItem>> itemsOf, Func<TItem, string> exposedOf, CancellationToken ct)
        where TParams : PaginatedRequestParams, new()
        where TResult : PaginatedResult
    {
        while (true)
        {
            var result = await next(ctx, ct);
            var items = itemsOf(result);
            var kept = await authorization.KeepVisibleAsync(action, items as IReadOnlyList<TItem> ?? [.. items], FederatedRequest.Of(ctx).Listed, exposedOf, ct);
            items.Clear();
            foreach (var item in kept)
            {
                items.Add(item);
            }

            if (items.Count > 0 || result.NextCursor is null)
            {
                return result;
            }

            ctx.Params ??= new TParams();
            ctx.Params.Cursor = result.NextCursor;
        }
    }
}
