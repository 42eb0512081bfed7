using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Configuration;

namespace AgentGateway.Admin;

/// <summary>
/// Serializes the effective config for <c>GET /config</c> with every secret replaced by "***". Key names
/// alone cannot find secrets (a header map's keys are header names, an env map's keys are variable names,
/// a credential may sit inside a URL or a command line), so the rules are (docs/deployment.md, "What /config hides"):
/// <list type="bullet">
/// <item>a scalar whose key says secret (key, password, secret, token, credential, connectionString, authorization);</item>
/// <item>every value anywhere under a <c>headers</c> key (route conditions, upstream headers, header rules) — the names stay;</item>
/// <item>every value of a stdio <c>env</c> map — the names stay;</item>
/// <item>stdio <c>args</c> that look like secrets (<see cref="CommandLineRedactor"/>);</item>
/// <item>in every string, URL userinfo, every query value and the fragment (<see cref="UrlRedactor"/>).</item>
/// </list>
/// </summary>
internal static class ConfigRedactor
{
    public const string Mask = "***";

    private static readonly string[] SecretWords = ["key", "password", "secret", "token", "credential", "connectionstring", "authorization"];
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>What a subtree holds, decided by the key it hangs under.</summary>
    private enum Scope
    {
        Plain,
        HeaderValues,
        EnvValues,
        Args,
    }

    public static string ToRedactedJson(GatewayConfig config)
    {
        var node = JsonSerializer.SerializeToNode(config, Options)!;
        Redact(node, Scope.Plain);
        return node.ToJsonString(Options);
    }

    private static void Redact(JsonNode node, Scope scope)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (value is JsonValue scalar)
                    {
                        obj[name] = scope is Scope.HeaderValues or Scope.EnvValues || IsSecretName(name) ? Mask : RedactString(scalar);
                    }
                    else
                    {
                        Redact(value, ScopeOf(name, scope));
                    }
                }

                break;
            case JsonArray array when scope == Scope.Args:
                CommandLineRedactor.Redact(array);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue scalar)
                    {
                        // List items are names (header names to remove, origins) or URLs (destinations): only URLs can hide secrets.
                        array[i] = RedactString(scalar);
                    }
                    else if (array[i] is { } item)
                    {
                        Redact(item, scope);
                    }
                }

                break;
        }
    }

    // Once under `headers` or `env`, everything below stays a value to hide, however deeply nested (header rules).
    private static Scope ScopeOf(string name, Scope parent) => parent switch
    {
        Scope.HeaderValues or Scope.EnvValues => parent,
        _ when name.Equals("headers", StringComparison.OrdinalIgnoreCase) => Scope.HeaderValues,
        _ when name.Equals("env", StringComparison.OrdinalIgnoreCase) => Scope.EnvValues,
        _ when name.Equals("args", StringComparison.OrdinalIgnoreCase) => Scope.Args,
        _ => Scope.Plain,
    };

    private static JsonNode RedactString(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? JsonValue.Create(UrlRedactor.Redact(text)) : value.DeepClone();

    internal static bool IsSecretName(string name) =>
        SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
}
