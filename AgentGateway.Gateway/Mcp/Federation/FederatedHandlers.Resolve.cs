using AgentGateway.Mcp.Upstream;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// Resolving what a request names to the target that owns it, once per request: the authorization filter needs the
/// owner before the handler runs, and both read the answer from <see cref="FederatedRequest"/>.
/// </summary>
internal sealed partial class FederatedHandlers
{
    /// <summary>The targets serving the request (the session's own connections, or the shared ones).</summary>
    public async ValueTask<TargetSet> TargetsAsync(MessageContext ctx, CancellationToken ct)
    {
        var request = FederatedRequest.Of(ctx);
        return request.Targets ??= await _resolveTargets(ctx.Server, ct);
    }

    public ValueTask<FederatedRequest> ResolveToolAsync(RequestContext<CallToolRequestParams> ctx, CancellationToken ct) =>
        ResolveNameAsync(ctx, ctx.Params?.Name, "tool", McpAuthorization.CallTool, _toolOwners, _tools, ct);

    public ValueTask<FederatedRequest> ResolvePromptAsync(RequestContext<GetPromptRequestParams> ctx, CancellationToken ct) =>
        ResolveNameAsync(ctx, ctx.Params?.Name, "prompt", McpAuthorization.GetPrompt, _promptOwners, _prompts, ct);

    private async ValueTask<FederatedRequest> ResolveNameAsync<TItem>(MessageContext ctx, string? exposed, string kind, string action,
        NameOwners owners, FederatedList<TItem> list, CancellationToken ct)
    {
        var request = FederatedRequest.Of(ctx);
        if (request.Target is not null)
        {
            return request;
        }

        _ = exposed ?? throw MissingParams();
        var targets = await TargetsAsync(ctx, ct);
        var (connection, name) = await TargetResolver.ResolveNameAsync(targets, exposed, kind, owners, t => list.ClaimAllAsync(targets, t), ct);
        (request.Target, request.UpstreamName, request.Action, request.Exposed) = (connection, name, action, exposed);
        return request;
    }

    /// <summary>The targets to try for a resource URI, in order (see <see cref="TargetResolver.ResolveUri"/>); none when no target can own it.</summary>
    public async ValueTask<FederatedRequest> ResolveResourceAsync(MessageContext ctx, string uri, CancellationToken ct)
    {
        var request = FederatedRequest.Of(ctx);
        if (request.Candidates is null)
        {
            request.Candidates = TargetResolver.ResolveUri(await TargetsAsync(ctx, ct), uri, _resourceOwners);
            (request.Action, request.Exposed) = (McpAuthorization.ReadResource, uri);
        }

        return request;
    }

    /// <summary>A completion's owner: the prompt's target, or the first target that can own the template's URI.</summary>
    public async ValueTask<FederatedRequest> ResolveCompletionAsync(RequestContext<CompleteRequestParams> ctx, CancellationToken ct)
    {
        var request = FederatedRequest.Of(ctx);
        if (request.Target is not null)
        {
            return request;
        }

        var completion = ctx.Params ?? throw MissingParams();
        switch (completion.Ref)
        {
            case PromptReference prompt:
                // Completing a prompt's arguments reveals what the prompt offers: allowed only to who may get it.
                await ResolveNameAsync(ctx, prompt.Name, "prompt", McpAuthorization.GetPrompt, _promptOwners, _prompts, ct);
                request.UpstreamReference = new PromptReference { Name = request.UpstreamName!, Title = prompt.Title };
                break;
            case ResourceTemplateReference { Uri: { } uri }:
                var candidates = TargetResolver.ResolveUri(await TargetsAsync(ctx, ct), uri, _resourceOwners);
                if (candidates.Count == 0)
                {
                    throw new McpProtocolException($"Resource not found: '{uri}'", McpErrorCode.InvalidParams);
                }

                (request.Target, request.UpstreamName, request.Action, request.Exposed) = (candidates[0].Target, candidates[0].Uri, McpAuthorization.ReadResource, uri);
                request.UpstreamReference = new ResourceTemplateReference { Uri = candidates[0].Uri };
                break;
            default:
                throw new McpProtocolException("Unsupported completion reference", McpErrorCode.InvalidParams);
        }

        return request;
    }

    private static McpProtocolException MissingParams() => new("Missing params", McpErrorCode.InvalidParams);
}
