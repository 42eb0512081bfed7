using System.Diagnostics;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using static AgentGateway.Mcp.Federation.HandlerComposition;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// The span of each federated request (<see cref="McpTelemetry.StartRequest"/>) and the tool-call metric, composed
/// around the handlers once per backend (see <see cref="HandlerComposition"/>): outermost, so the span covers
/// authorization and target resolution too. The target and protocol
/// tags come from what the request resolved to (<see cref="FederatedRequest"/>); a request without params is left to
/// its handler's error and gets no span, as before.
/// </summary>
internal sealed class FederatedTelemetryFilters(string backend)
{
    public void WrapAround(McpServerHandlers h)
    {
        h.ListToolsHandler = Around(h.ListToolsHandler, next => (ctx, ct) => TraceAsync(RequestMethods.ToolsList, ctx, next, tagTarget: false, ct));
        h.CallToolHandler = Around(h.CallToolHandler, next => (ctx, ct) => ctx.Params is null ? next(ctx, ct) : CallToolAsync(ctx, next, ct));
        h.ListPromptsHandler = Around(h.ListPromptsHandler, next => (ctx, ct) => TraceAsync(RequestMethods.PromptsList, ctx, next, tagTarget: false, ct));
        h.GetPromptHandler = Around(h.GetPromptHandler,
            next => (ctx, ct) => ctx.Params is null ? next(ctx, ct) : TraceAsync(RequestMethods.PromptsGet, ctx, next, tagTarget: true, ct));
        h.ListResourcesHandler = Around(h.ListResourcesHandler, next => (ctx, ct) => TraceAsync(RequestMethods.ResourcesList, ctx, next, tagTarget: false, ct));
        h.ListResourceTemplatesHandler = Around(h.ListResourceTemplatesHandler,
            next => (ctx, ct) => TraceAsync(RequestMethods.ResourcesTemplatesList, ctx, next, tagTarget: false, ct));
        h.ReadResourceHandler = Around(h.ReadResourceHandler,
            next => (ctx, ct) => ctx.Params is null ? next(ctx, ct) : TraceAsync(RequestMethods.ResourcesRead, ctx, next, tagTarget: true, ct));
        h.CompleteHandler = Around(h.CompleteHandler,
            next => (ctx, ct) => ctx.Params is null ? next(ctx, ct) : TraceAsync(RequestMethods.CompletionComplete, ctx, next, tagTarget: false, ct));
    }

    private async ValueTask<TResult> TraceAsync<TParams, TResult>(string method, RequestContext<TParams> ctx, McpRequestHandler<TParams, TResult> next,
        bool tagTarget, CancellationToken ct)
    {
        using var activity = McpTelemetry.StartRequest(method, ctx.Server.SessionId, backend);
        try
        {
            return await next(ctx, ct);
        }
        finally
        {
            if (tagTarget)
            {
                TagTarget(activity, FederatedRequest.Find(ctx));
            }
        }
    }

    /// <summary>A tool call's span is named after the tool; every call that resolved to a target is counted with its outcome.</summary>
    private async ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> ctx, McpRequestHandler<CallToolRequestParams, CallToolResult> next,
        CancellationToken ct)
    {
        var tool = ctx.Params!.Name;
        using var activity = McpTelemetry.StartRequest(RequestMethods.ToolsCall, ctx.Server.SessionId, backend, tool);
        var outcome = "error";
        try
        {
            var result = await next(ctx, ct);
            outcome = result.IsError == true ? "tool_error" : "ok";
            return result;
        }
        finally
        {
            var request = FederatedRequest.Find(ctx);
            TagTarget(activity, request);
            if (request?.Target is { } target)
            {
                McpTelemetry.ToolCalls.Add(1, new("backend", backend), new("target", target.Name), new("tool", tool), new("outcome", outcome),
                    new("protocol_version", request.Protocol ?? "none"));
            }
        }
    }

    private static void TagTarget(Activity? activity, FederatedRequest? request)
    {
        if (activity is null || request?.Target is not { } target)
        {
            return;
        }

        activity.SetTag(McpTelemetry.TargetTag, target.Name);
        if (request.Protocol is { } protocol)
        {
            activity.SetTag(McpTelemetry.TargetProtocolTag, protocol);
        }
    }
}
