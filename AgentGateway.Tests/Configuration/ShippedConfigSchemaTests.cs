extern alias JsonEverything;

using System.Text.Json;
using AgentGateway.Configuration;
using JsonEverything::Json.Schema;

namespace AgentGateway.Tests.Configuration;

/// <summary>
/// Every config the repository ships (the AppHost's, deploy/, infra/, samples/ and the complete-config YAML blocks
/// of the Markdown docs) validates against the checked-in <c>gateway.schema.json</c> with a real JSON Schema
/// validator — so an editor using the schema never flags a documented key, and a key documented but missing
/// from the config records fails here.
/// </summary>
public sealed class ShippedConfigSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(ShippedConfigs.RepositoryRoot, "gateway.schema.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static TheoryData<string> Sources() => [.. ShippedConfigs.All().Select(c => c.Source)];

    [Theory]
    [MemberData(nameof(Sources))]
    public void ShippedConfig_ValidatesAgainstTheSchema(string source)
    {
        var config = ShippedConfigs.All().Single(c => c.Source == source);

        var errors = SchemaErrors(config.Yaml);

        Assert.True(errors.Count == 0, $"{source} does not match gateway.schema.json:\n  " + string.Join("\n  ", errors));
    }

    [Fact]
    public void ShippedConfigs_CoverTheAppHostDeployInfraAndDocs()
    {
        var sources = ShippedConfigs.All().Select(c => c.Source).ToList();

        Assert.Contains("AgentGateway.AppHost/gateway.yaml", sources);
        Assert.Contains("infra/gateway.yaml", sources);
        Assert.Contains(sources, s => s.StartsWith("deploy/k8s/base/configmap.yaml", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.StartsWith("README.md:", StringComparison.Ordinal));
        foreach (var doc in new[] { "a2a", "llm", "mcp", "traffic", "deployment", "scale-out" })
        {
            Assert.Contains(sources, s => s.StartsWith($"docs/{doc}.md:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Schema_AcceptsTheDocumentedA2AKeys_AndRejectsTheirMisspelling()
    {
        const string documented = """
            routes: [{ name: travel, path: /agents/travel, a2a: travel }]
            a2a: { travel: { url: http://travel-agent } }
            mcp: { tools: { targets: [{ name: pets, openapi: { spec: pets.json } }] } }
            """;

        Assert.Empty(SchemaErrors(documented));
        Assert.Contains(SchemaErrors("a2A: { travel: { url: http://travel-agent } }"), e => e.StartsWith("a2A:", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_ReportsAnUndocumentedKeyWithItsPath()
    {
        var errors = SchemaErrors("routes: [{ name: r, path: /, http: b, retries: 3 }]");

        Assert.Contains(errors, e => e.StartsWith("routes[0].retries:", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckedInSchema_IsTheGeneratedOne()
    {
        // The validation above reads the checked-in file; this ties it to the records (ConfigSchemaTests does too).
        var checkedIn = File.ReadAllText(Path.Combine(ShippedConfigs.RepositoryRoot, "gateway.schema.json")).ReplaceLineEndings("\n");

        Assert.Equal(ConfigSchema.Generate(), checkedIn);
    }

    /// <summary>Each failing location as <c>config.path: message</c>; empty when the YAML matches the schema.</summary>
    private static List<string> SchemaErrors(string yaml)
    {
        var json = YamlToJson.Convert(yaml);
        using var doc = JsonDocument.Parse(json?.ToJsonString() ?? "{}");
        var result = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? [result])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{ConfigPath(d.InstanceLocation.ToString())}: {Message(d, e.Value)}"))
            .Distinct()];
    }

    // additionalProperties: false checks each extra key against the schema `false`, whose message names no key.
    private static string Message(EvaluationResults result, string message) =>
        result.SchemaLocation.ToString().EndsWith("additionalProperties", StringComparison.Ordinal) || message.Contains("false schema", StringComparison.Ordinal)
            ? "unknown key (not in gateway.schema.json)" : message;

    // "/routes/0/a2A" → "routes[0].a2A", the way the gateway's own validator names keys.
    private static string ConfigPath(string pointer) =>
        string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select((segment, i) => int.TryParse(segment, out _) ? $"[{segment}]" : i == 0 ? segment : "." + segment)) is { Length: > 0 } path
            ? path : "(root)";
}
