using System.Diagnostics;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Federation;

/// <summary>
/// The <c>_meta</c> sent upstream: the client's, minus its progress token (the upstream gets our own and we
/// map it back), plus W3C trace context of the gateway span (<c>traceparent</c>/<c>tracestate</c>, per the MCP spec).
/// </summary>
internal static class UpstreamMeta
{
    public static JsonObject? From(RequestParams? request) => FromClientMeta(request?.Meta);

    /// <summary>The same from the client's <c>_meta</c> object itself (the forwarding path reads no SDK params).</summary>
    public static JsonObject? FromClientMeta(JsonObject? clientMeta)
    {
        JsonObject? meta = null;
        if (clientMeta is { Count: > 0 })
        {
            meta = (JsonObject)clientMeta.DeepClone();
            meta.Remove("progressToken");
            // Per-request protocol metadata (2026-07-28: protocol version, client info, capabilities, log level)
            // describes the client's hop to us, not ours to the target.
            foreach (var key in meta.Select(static p => p.Key).Where(IsReserved).ToList())
            {
                meta.Remove(key);
            }
        }

        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            meta ??= [];
            meta["traceparent"] = activity.Id;
            if (activity.TraceStateString is { Length: > 0 } state)
            {
                meta["tracestate"] = state;
            }
        }

        return meta is { Count: > 0 } ? meta : null;
    }

    private static bool IsReserved(string key) =>
        key.StartsWith("io.modelcontextprotocol/", StringComparison.Ordinal) || key.StartsWith("modelcontextprotocol.io/", StringComparison.Ordinal);
}
