using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGateway.Llm.Cache;

/// <summary>
/// A JSON value in one canonical form: object keys sorted (ordinal), no whitespace, strings re-escaped by one writer.
/// Two requests that differ only in key order, spacing or escaping get the same bytes; any other difference —
/// including <c>1</c> against <c>1.0</c>, whose meaning a provider may tell apart — gives different bytes.
/// </summary>
internal static class CanonicalJson
{
    public static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    public static byte[] Serialize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return buffer.ToArray();
    }
}
