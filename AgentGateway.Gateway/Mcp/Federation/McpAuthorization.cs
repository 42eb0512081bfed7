using System.Text.Json;
using AgentGateway.Security;
using ModelContextProtocol;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// The MCP side of DESIGN.md §6: <c>call_tool</c>/<c>Tool</c>, <c>get_prompt</c>/<c>Prompt</c>,
/// <c>read_resource</c>/<c>Resource</c>, keyed by the exposed name. Fails closed when there is no request.
/// </summary>
internal sealed class McpAuthorization(IRequestAuthorizer authorizer, IHttpContextAccessor httpContextAccessor)
{
    public const string CallTool = "call_tool";
    public const string GetPrompt = "get_prompt";
    public const string ReadResource = "read_resource";

    public ValueTask<bool> IsAllowedAsync(string action, string exposedName, string target, string upstreamName,
        IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken) =>
        IsAllowedCoreAsync(action, exposedName, target, upstreamName, AsJson(arguments), cancellationToken);

    /// <summary>The SDK path's argument dictionary as the JSON object Cedar reads.</summary>
    private static JsonElement? AsJson(IDictionary<string, JsonElement>? arguments) =>
        arguments is null ? null : JsonSerializer.SerializeToElement(arguments, McpJsonUtilities.DefaultOptions);

    /// <summary>
    /// The same with the arguments as the JSON object the client sent (the forwarding path has it parsed, duplicate keys
    /// refused): Cedar reads it exactly as it reads the object serialized from the SDK's argument dictionary (same keys,
    /// values and number texts), without serializing and parsing it again.
    /// </summary>
    private async ValueTask<bool> IsAllowedCoreAsync(string action, string exposedName, string target, string upstreamName,
        JsonElement? arguments, CancellationToken cancellationToken)
    {
        if (httpContextAccessor.HttpContext is not { } http)
        {
            return false;
        }

        var (type, key) = action switch
        {
            CallTool => ("Tool", "name"),
            GetPrompt => ("Prompt", "name"),
            _ => ("Resource", "uri"),
        };
        var attributes = new Dictionary<string, object?> { ["target"] = target, [key] = upstreamName };
        var context = arguments is { } json ? new Dictionary<string, object?> { ["arguments"] = json } : null;
        var result = await authorizer.AuthorizeAsync(http, new AuthorizationRequest(action, type, exposedName, attributes, context), cancellationToken);
        if (!result.Allowed || type != "Resource")
        {
            return result.Allowed;
        }

        // A resource is allowed only when its URI is allowed both as sent and in its normal form (either alone can be
        // bypassed: by a case variant of a forbidden URI, or by a variant a non-RFC server tells apart from a permitted one).
        var (normalExposed, normalUpstream) = (ResourceUriNormalForm.Of(exposedName), ResourceUriNormalForm.Of(upstreamName));
        if (normalExposed == exposedName && normalUpstream == upstreamName)
        {
            return true;
        }

        attributes = new Dictionary<string, object?> { ["target"] = target, [key] = normalUpstream };
        return (await authorizer.AuthorizeAsync(http, new AuthorizationRequest(action, type, normalExposed, attributes, context), cancellationToken)).Allowed;
    }

    /// <summary>
    /// The items of a list page the principal may see. <paramref name="listed"/> describes the page's items in order;
    /// an item it does not describe is not shown (fail closed).
    /// </summary>
    public async ValueTask<List<TItem>> KeepVisibleAsync<TItem>(string action, IReadOnlyList<TItem> items, IReadOnlyList<ListedItem> listed,
        Func<TItem, string> exposedOf, CancellationToken cancellationToken)
    {
        var kept = new List<TItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (listed.Count == items.Count && listed[i].Exposed == exposedOf(items[i])
                && await IsAllowedAsync(action, listed[i].Exposed, listed[i].Target, listed[i].UpstreamName, null, cancellationToken))
            {
                kept.Add(items[i]);
            }
        }

        return kept;
    }

    /// <summary>Throws the JSON-RPC error a client gets for a denied call (never a silent drop).</summary>
    public ValueTask DemandAsync(string action, string exposedName, string target, string upstreamName,
        IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken) =>
        DemandJsonArgumentsAsync(action, exposedName, target, upstreamName, AsJson(arguments), cancellationToken);

    /// <summary>The same with the arguments as the client's JSON object (see <see cref="IsAllowedCoreAsync"/>).</summary>
    public async ValueTask DemandJsonArgumentsAsync(string action, string exposedName, string target, string upstreamName,
        JsonElement? arguments, CancellationToken cancellationToken)
    {
        if (!await IsAllowedCoreAsync(action, exposedName, target, upstreamName, arguments, cancellationToken))
        {
            throw Forbidden(action, exposedName);
        }
    }

    public static McpProtocolException Forbidden(string action, string exposedName) =>
        new($"Forbidden: '{exposedName}' is not allowed for this principal ({action})", McpErrorCode.InvalidRequest);
}
