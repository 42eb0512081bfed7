using AgentGateway.Configuration;
using AgentGateway.Hosting;

namespace AgentGateway.Tests.Llm.Providers;

/// <summary>The provider blocks (aws, google, azure) are checked, every error reported with its path.</summary>
public class ProviderConfigValidationTests
{
    private static IReadOnlyList<ConfigError> Errors(string providers)
    {
        var dir = Directory.CreateTempSubdirectory("agw-provider-config-").FullName;
        var path = Path.Combine(dir, "gateway.yaml");
        File.WriteAllText(path, "admin: { url: \"\" }\nroutes: [{ name: m, path: /v1, llm: models }]\nllm:\n  models:\n    providers:\n" + providers);
        var (app, errors) = GatewayApp.Build(GatewayCommandLine.Parse(["--config", path, "--hostBuilder:reloadConfigOnChange=false"]));
        (app as IDisposable)?.Dispose();
        return errors;
    }

    [Fact]
    public void InvalidProviderBlocks_AreAllReported()
    {
        var errors = Errors("""
                  - { name: b1, type: bedrock, aws: { region: eu-west-1, credentials: magic, accessKeyId: AKID } }
                  - { name: b2, type: bedrock, aws: { region: eu-west-1, credentials: config } }
                  - { name: v, type: vertex, google: { location: us-central1 } }
                  - { name: g, type: gemini-native }
                  - { name: a, type: azure-openai, baseUrl: "https://x.openai.azure.com", apiVersion: "2024-10-21", apiKey: k, azure: { auth: entra, credential: cli, scope: "not a uri" } }
                  - { name: o, type: openai, aws: { region: eu-west-1 } }
            """).Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.Contains("providers[0].aws.credentials", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("providers[0].aws:", StringComparison.Ordinal) && e.Contains("go together", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("providers[1].aws.accessKeyId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("providers[2].google.project", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("providers[3].apiKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("providers[4].azure.auth", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("providers[4].azure.credential", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("providers[4].azure.scope", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("providers[5].aws", StringComparison.Ordinal) && e.Contains("only applies to type 'bedrock'", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidProviderBlocks_HaveNoErrors()
    {
        var errors = Errors("""
                  - { name: b, type: bedrock, aws: { region: eu-west-1, accessKeyId: AKID, secretAccessKey: s } }
                  - { name: v, type: vertex, google: { project: p, location: us-central1 } }
                  - { name: g, type: gemini-native, apiKey: k }
                  - { name: a, type: azure-openai, baseUrl: "https://x.openai.azure.com", apiVersion: "2024-10-21", azure: { auth: entra, credential: managedIdentity, clientId: abc } }
            """);

        Assert.Empty(errors);
    }
}
