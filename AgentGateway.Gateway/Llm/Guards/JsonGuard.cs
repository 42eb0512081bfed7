using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGateway.Llm.Guards;

/// <summary>
/// Applies request guards to a request body in place, before anything goes upstream. Every string value and every
/// property name is seen — not a list of known prompt fields — because in passthrough the provider receives the
/// whole body, and a field the gateway does not know (instructions, names, tool descriptions, metadata, whatever an
/// API adds next) would otherwise be a way around the guards. The one exception is the top-level <c>model</c>, which
/// is routing data checked against the configured model names. The same masked body serves passthrough
/// (re-serialized, unknown fields kept) and translation.
/// </summary>
internal static class JsonGuard
{
    /// <returns>true if any text was changed.</returns>
    public static bool Apply(JsonObject body, GuardSet guards)
    {
        if (guards.IsEmpty)
        {
            return false;
        }

        var changed = false;
        WalkObject(body, guards, topLevel: true, ref changed);
        return changed;
    }

    private static void WalkObject(JsonObject obj, GuardSet guards, bool topLevel, ref bool changed)
    {
        foreach (var (name, child) in obj.ToList())
        {
            // A property name reaches the provider too (metadata keys, schema properties) and cannot be masked.
            guards.EnsureClean(name);
            if (child is null || (topLevel && name == "model"))
            {
                continue;
            }

            if (Walk(child, name, obj, guards, ref changed) is { } replaced)
            {
                obj[name] = replaced;
            }
        }
    }

    /// <summary>Returns a replacement node for a string value, or null when the node was handled in place.</summary>
    private static JsonValue? Walk(JsonNode node, string key, JsonObject parent, GuardSet guards, ref bool changed)
    {
        switch (node)
        {
            case JsonObject obj:
                WalkObject(obj, guards, topLevel: false, ref changed);
                return null;
            case JsonArray array:
                // Array items take their array's key: "stop": ["a", "b"] are stop sequences, "content": [...] parts.
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && Walk(item, key, parent, guards, ref changed) is { } replaced)
                    {
                        array[i] = replaced;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var masked = GuardedText.Apply(text, key, parent, guards);
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
