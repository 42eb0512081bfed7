using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGateway.Llm.Guards;

/// <summary>
/// Applies request guards to the text of a chat body in place (messages, system, tool arguments), so the same
/// masked body serves both passthrough (re-serialized, unknown fields kept) and translation.
/// </summary>
internal static class JsonGuard
{
    // Structural strings that are never user text (ids, roles, base64 image data, URLs).
    private static readonly HashSet<string> Skip = new(StringComparer.Ordinal)
    {
        "role", "type", "id", "tool_call_id", "tool_use_id", "name", "media_type", "data", "url", "image_url", "cache_control", "detail",
    };

    /// <returns>true if any text was changed.</returns>
    public static bool Apply(JsonObject body, GuardSet guards)
    {
        if (guards.IsEmpty)
        {
            return false;
        }

        var changed = false;
        foreach (var key in (string[])["messages", "system", "input", "prompt"])
        {
            if (body[key] is { } node)
            {
                var replaced = Walk(node, guards, ref changed);
                if (replaced is not null)
                {
                    body[key] = replaced;
                }
            }
        }

        return changed;
    }

    /// <summary>Returns a replacement node for a string value, or null when the node was handled in place.</summary>
    private static JsonValue? Walk(JsonNode node, GuardSet guards, ref bool changed)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is null || Skip.Contains(name))
                    {
                        continue;
                    }

                    var replaced = Walk(child, guards, ref changed);
                    if (replaced is not null)
                    {
                        obj[name] = replaced;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && Walk(item, guards, ref changed) is { } replaced)
                    {
                        array[i] = replaced;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var masked = guards.Apply(text);
                if (ReferenceEquals(text, masked) || text == masked)
                {
                    return null;
                }

                changed = true;
                return JsonValue.Create(masked);
            default:
                return null;
        }
    }
}
