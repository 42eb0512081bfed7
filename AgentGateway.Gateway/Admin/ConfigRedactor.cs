using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Configuration;

namespace AgentGateway.Admin;

/// <summary>Serializes the effective config with every secret-looking value replaced by "***".</summary>
internal static class ConfigRedactor
{
    private static readonly string[] SecretWords = ["key", "password", "secret", "token", "credential", "connectionstring"];
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToRedactedJson(GatewayConfig config)
    {
        var node = JsonSerializer.SerializeToNode(config, Options)!;
        Redact(node);
        return node.ToJsonString(Options);
    }

    private static void Redact(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonValue && IsSecret(name))
                    {
                        obj[name] = "***";
                    }
                    else if (value is not null)
                    {
                        // Header and env maps are keyed by user names: redact their values by key too.
                        Redact(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    Redact(item);
                }

                break;
        }
    }

    private static bool IsSecret(string name) =>
        SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)) || name.Equals("authorization", StringComparison.OrdinalIgnoreCase);
}
