using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGateway.Configuration;

/// <summary>
/// Generates the JSON Schema of the config file from the config records (checked in as
/// <c>gateway.schema.json</c>; a test fails when it is stale). Regenerate with
/// <c>dotnet run --project AgentGateway.Gateway -- --write-schema gateway.schema.json</c>.
/// </summary>
public static class ConfigSchema
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The schema as indented JSON text.</summary>
    public static string Generate()
    {
        var root = (JsonObject)ToSchema(ConfigShape.Of(typeof(GatewayConfig)));
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://agentgateway.dev/schemas/gateway.schema.json",
            ["title"] = "AgentGateway configuration",
        };
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            schema[key] = value;
        }

        return schema.ToJsonString(Indented) + "\n";
    }

    private static JsonObject ToSchema(ConfigShape shape) => shape switch
    {
        ObjectShape o => new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject(o.Properties
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ToSchema(p.Value.Value)))),
        },
        MapShape m => new JsonObject { ["type"] = "object", ["additionalProperties"] = ToSchema(m.Value.Value) },
        ListShape l => new JsonObject { ["type"] = "array", ["items"] = ToSchema(l.Element.Value) },
        ScalarShape s => Scalar(s.Type),
        _ => new JsonObject(),
    };

    private static JsonObject Scalar(Type type) =>
        type == typeof(bool) ? new JsonObject { ["type"] = "boolean" }
        : type == typeof(int) || type == typeof(long) ? new JsonObject { ["type"] = "integer" }
        : type == typeof(double) ? new JsonObject { ["type"] = "number" }
        : type.IsEnum ? new JsonObject { ["enum"] = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()) }
        : new JsonObject { ["type"] = "string" };
}
