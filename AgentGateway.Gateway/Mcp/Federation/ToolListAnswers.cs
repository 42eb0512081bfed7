using System.Text.Json;
using AgentGateway.Mcp.Upstream;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// A complete federated <c>tools/list</c> as the JSON of its result, for the runtime to answer without the SDK's
/// request pipeline. The merged list comes from the targets' cached lists and each item is authorized for the caller
/// per request, exactly as on the SDK path; only the serialization is kept: the cached lists are shared objects,
/// replaced when a target's list changes, so the same visible items mean the same JSON. On the SDK path the list was
/// serialized to a JSON node and again to the response for every request, which was most of a list's CPU.
/// </summary>
internal sealed class ToolListAnswers(FederatedHandlers handlers, McpAuthorization authorization)
{
    private readonly SerializedLists<Tool> _serialized = new(static tools =>
        JsonSerializer.SerializeToUtf8Bytes(new ListToolsResult { Tools = tools }, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ListToolsResult))));

    /// <summary>The result JSON of the caller's whole list; null when the merged list is paged (the SDK path answers it).</summary>
    public async ValueTask<byte[]?> AnswerAsync(TargetSet targets, CancellationToken cancellationToken)
    {
        var request = new FederatedRequest { Targets = targets };
        var page = await handlers.ListToolsAsync(request, targets, cancellationToken);
        if (page.NextCursor is not null)
        {
            return null;
        }

        var visible = await authorization.KeepVisibleAsync(McpAuthorization.CallTool, page.Items, request.Listed, static t => t.Name, cancellationToken);
        return _serialized.Get(visible);
    }
}
