using System.Diagnostics;
using System.Text.Json;
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

    /// <summary>The same from the client's <c>_meta</c> object itself (what <see cref="From"/> reads from the SDK's params).</summary>
    public static JsonObject? FromClientMeta(JsonObject? clientMeta)
    {
        var activity = GatewaySpan(out var state);
        JsonObject? meta = null;
        if (clientMeta is { Count: > 0 })
        {
            meta = (JsonObject)clientMeta.DeepClone();
            foreach (var key in meta.Select(static p => p.Key).Where(key => StaysBehind(key, activity, state)).ToList())
            {
                meta.Remove(key);
            }
        }

        if (activity is not null)
        {
            meta ??= [];
            meta["traceparent"] = activity.Id;
            if (state is not null)
            {
                meta["tracestate"] = state;
            }
        }

        return meta is { Count: > 0 } ? meta : null;
    }

    /// <summary>
    /// The same <c>_meta</c> written as a <c>_meta</c> property (nothing when it would be empty), straight from the
    /// client's object to the upstream body with no node in between (the forwarding path, on every call), plus the
    /// gateway's <paramref name="progressToken"/> when given. The same members as <see cref="FromClientMeta"/> gives
    /// (the client's own trace context is replaced by the gateway span's, when there is one); only their order may differ.
    /// </summary>
    public static void Write(Utf8JsonWriter json, JsonElement? clientMeta, string? progressToken)
    {
        var activity = GatewaySpan(out var state);
        var started = false;
        if (clientMeta is { ValueKind: JsonValueKind.Object } meta)
        {
            foreach (var member in meta.EnumerateObject())
            {
                if (StaysBehind(member.Name, activity, state))
                {
                    continue;
                }

                Start(json, ref started);
                member.WriteTo(json);
            }
        }

        if (activity is not null)
        {
            Start(json, ref started);
            json.WriteString("traceparent"u8, activity.Id);
            if (state is not null)
            {
                json.WriteString("tracestate"u8, state);
            }
        }

        if (progressToken is not null)
        {
            Start(json, ref started);
            json.WriteString("progressToken"u8, progressToken);
        }

        if (started)
        {
            json.WriteEndObject();
        }
    }

    private static void Start(Utf8JsonWriter json, ref bool started)
    {
        if (!started)
        {
            json.WriteStartObject("_meta"u8);
            started = true;
        }
    }

    /// <summary>The gateway's span whose W3C trace context goes upstream, and its trace state; null when there is none.</summary>
    private static Activity? GatewaySpan(out string? state)
    {
        var activity = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current : null;
        state = activity?.TraceStateString is { Length: > 0 } s ? s : null;
        return activity;
    }

    /// <summary>
    /// Whether a member of the client's <c>_meta</c> is not passed on: its progress token (the upstream gets ours), the
    /// trace context the gateway span's replaces, and per-request protocol metadata (2026-07-28: protocol version,
    /// client info, capabilities, log level), which describes the client's hop to us, not ours to the target.
    /// </summary>
    private static bool StaysBehind(string key, Activity? activity, string? state) =>
        key == "progressToken" || (activity is not null && key == "traceparent") || (state is not null && key == "tracestate") || IsReserved(key);

    private static bool IsReserved(string key) =>
        key.StartsWith("io.modelcontextprotocol/", StringComparison.Ordinal) || key.StartsWith("modelcontextprotocol.io/", StringComparison.Ordinal);
}
