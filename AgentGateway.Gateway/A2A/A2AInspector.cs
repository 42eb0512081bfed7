using System.Text.Json;

namespace AgentGateway.A2A;

/// <summary>
/// Reads task id, context id and state out of A2A payloads of either version without binding to a schema:
/// v1.0 wraps results in <c>task</c> / <c>message</c> / <c>statusUpdate</c> / <c>artifactUpdate</c>, v0.3 puts the
/// object directly (with <c>kind</c>); both use <c>taskId</c>/<c>contextId</c> and <c>status.state</c>.
/// </summary>
internal static class A2AInspector
{
    private static readonly string[] Wrappers = ["task", "message", "statusUpdate", "artifactUpdate"];

    /// <summary>Request side: <c>params.id</c> (task methods) or <c>params.message.taskId/contextId</c> (send).</summary>
    public static void InspectParams(JsonElement parameters, A2ACallInfo info)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        info.TaskId = String(parameters, "id") ?? String(parameters, "taskId") ?? info.TaskId;
        if (parameters.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            info.TaskId = String(message, "taskId") ?? info.TaskId;
            info.ContextId = String(message, "contextId") ?? info.ContextId;
        }
    }

    /// <summary>Response side: a JSON-RPC <c>result</c>, a REST body or one streamed event payload.</summary>
    public static void InspectResult(JsonElement result, A2ACallInfo info)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var wrapper in Wrappers)
        {
            if (result.TryGetProperty(wrapper, out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                result = inner;
                break;
            }
        }

        var hasStatus = result.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object;
        info.TaskId = String(result, "taskId") ?? (hasStatus ? String(result, "id") : null) ?? info.TaskId;
        info.ContextId = String(result, "contextId") ?? info.ContextId;
        if (hasStatus)
        {
            info.SetState(String(status, "state"));
        }
    }

    /// <summary>Inspects a whole JSON-RPC response (or REST body) given as UTF-8.</summary>
    public static void InspectResponse(ReadOnlySpan<byte> json, A2ACallInfo info)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("jsonrpc", out _))
            {
                if (root.TryGetProperty("result", out var result))
                {
                    InspectResult(result, info);
                }

                info.AgentError |= root.TryGetProperty("error", out _);
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _))
            {
                info.AgentError = true;
            }
            else
            {
                InspectResult(root, info);
            }
        }
        catch (JsonException)
        {
            // The agent's body is forwarded as-is; inspection is best effort and never fails the call.
        }
    }

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
