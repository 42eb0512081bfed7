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

    /// <summary>
    /// The same <c>_meta</c> written as a <c>_meta</c> property (nothing when it would be empty), straight from the
    /// client's object to the upstream body with no node in between (the forwarding path, on every call), plus the
    /// gateway's <paramref name="progressToken"/> when given. The same members as <see cref="FromClientMeta"/> gives
    /// (the client's own trace context is replaced by the gateway span's, when there is one); only their order may differ.
    /// </summary>
    public static void Write(Utf8JsonWriter json, JsonElement? clientMeta, string? progressToken)
    {
        var activity = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current : null;
        var state = activity?.TraceStateString is { Length: > 0 } s ? s : null;
        var started = false;
        if (clientMeta is { ValueKind: JsonValueKind.Object } meta)
        {
            foreach (var member in meta.EnumerateObject())
            {
                if (member.NameEquals("progressToken"u8) || (activity is not null && member.NameEquals("traceparent"u8))
                    || (state is not null && member.NameEquals("tracestate"u8)) || IsReserved(member.Name))
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

    private static bool IsReserved(string key) =>
        key.StartsWith("io.modelcontextprotocol/", StringComparison.Ordinal) || key.StartsWith("modelcontextprotocol.io/", StringComparison.Ordinal);
}
