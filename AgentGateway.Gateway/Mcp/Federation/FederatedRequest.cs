using AgentGateway.Mcp.Upstream;
using ModelContextProtocol.Server;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// What one federated request resolved to, shared through the request's <see cref="MessageContext.Items"/> by the
/// handler and the request filters around it: resolved once (the authorization filter needs the owning target
/// before the handler calls it), and read at the end by the telemetry filter (target and protocol tags, the tool-call
/// metric). Only names that resolved land here, so clients cannot inflate metric label sets.
/// </summary>
internal sealed class FederatedRequest
{
    private const string Key = "agentgateway.mcp.federated";

    /// <summary>The targets serving the request (the session's own or the shared ones).</summary>
    public TargetSet? Targets { get; set; }

    /// <summary>The target that serves (or was last tried for) the request, once resolved.</summary>
    public TargetConnection? Target { get; set; }

    /// <summary>The upstream name or URI behind the exposed one.</summary>
    public string? UpstreamName { get; set; }

    /// <summary>The authorization action the resolved operation needs (<see cref="McpAuthorization"/>); null when none.</summary>
    public string? Action { get; set; }

    /// <summary>The name or URI the client used, which authorization is keyed by.</summary>
    public string? Exposed { get; set; }

    /// <summary>Completions: the reference as the owning target knows it.</summary>
    public ModelContextProtocol.Protocol.Reference? UpstreamReference { get; set; }

    /// <summary>Resource reads: the refusal to answer with when every candidate the caller may read failed and a refused one is next.</summary>
    public (TargetConnection Target, Exception Error)? Refusal { get; set; }

    /// <summary>The MCP revision the target negotiated ("openapi" for OpenAPI targets); null until the call reached it.</summary>
    public string? Protocol { get; set; }

    /// <summary>Resource reads: the targets to try in order, each with its URI (an unprefixed URI of unknown owner has several).</summary>
    public IReadOnlyList<(TargetConnection Target, string Uri)>? Candidates { get; set; }

    /// <summary>Lists: where each listed item came from (exposed name, target, upstream name), for the authorization filter.</summary>
    public List<ListedItem> Listed { get; } = [];

    public static FederatedRequest Of(MessageContext context)
    {
        if (context.Items.TryGetValue(Key, out var existing) && existing is FederatedRequest request)
        {
            return request;
        }

        request = new FederatedRequest();
        context.Items[Key] = request;
        return request;
    }

    /// <summary>The request's state when a handler or filter has resolved anything; null otherwise.</summary>
    public static FederatedRequest? Find(MessageContext context) =>
        context.Items.TryGetValue(Key, out var existing) ? existing as FederatedRequest : null;
}

/// <summary>One item of a federated list page: the name the client sees, and the target and upstream name behind it.</summary>
internal readonly record struct ListedItem(string Exposed, string Target, string UpstreamName);
