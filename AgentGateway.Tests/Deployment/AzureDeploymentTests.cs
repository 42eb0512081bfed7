using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AgentGateway.Tests.Deployment;

/// <summary>
/// azure.yaml, infra/main.parameters.json and the Bicep files agree. Compiling the Bicep itself is
/// .ci/checks.d/60-deploy.sh's job (it needs the Bicep CLI).
/// </summary>
public sealed partial class AzureDeploymentTests
{
    private static YamlNode LoadAzureYaml()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryRoot.Combine("azure.yaml"))));
        return stream.Documents.Single().RootNode;
    }

    [Fact]
    public void AzureYaml_ReferencesTheInfraFolderWithItsMainModule()
    {
        var azure = LoadAzureYaml();

        Assert.Equal("bicep", azure.Scalar("infra", "provider"));
        var infra = RepositoryRoot.Combine(azure.Scalar("infra", "path")!);
        Assert.True(File.Exists(Path.Combine(infra, $"{azure.Scalar("infra", "module")}.bicep")), $"no main module in {infra}");
        Assert.True(File.Exists(Path.Combine(infra, $"{azure.Scalar("infra", "module")}.parameters.json")));
    }

    [Fact]
    public void AzureYaml_GatewayService_IsTheGatewayProjectOnContainerApps()
    {
        var gateway = LoadAzureYaml().At("services", "gateway");

        Assert.Equal("containerapp", gateway.Scalar("host"));
        Assert.Equal("dotnet", gateway.Scalar("language"));
        var project = Path.GetFullPath(RepositoryRoot.Combine(gateway.Scalar("project")!));
        Assert.True(File.Exists(Path.Combine(project, "AgentGateway.Gateway.csproj")), $"{project} is not the gateway project");
    }

    [Fact]
    public void AzureYaml_GatewayServiceName_MatchesTheAppsAzdServiceTag()
    {
        var bicep = File.ReadAllText(RepositoryRoot.Combine("infra", "modules", "gateway-app.bicep"));

        Assert.NotNull(LoadAzureYaml().At("services", "gateway"));
        Assert.Contains("'azd-service-name': 'gateway'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void MainParameters_UseAzdEnvironment_AndMatchDeclaredParameters()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "main.parameters.json")));
        var given = json.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value").GetString());
        var declared = ParamDeclaration().Matches(File.ReadAllText(RepositoryRoot.Combine("infra", "main.bicep")))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success);

        Assert.Equal("${AZURE_ENV_NAME}", given["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", given["location"]);
        Assert.Equal("${SERVICE_GATEWAY_RESOURCE_EXISTS=false}", given["gatewayExists"]);
        Assert.DoesNotContain(given.Keys, name => !declared.ContainsKey(name));
        Assert.Empty(declared.Where(p => !p.Value && !given.ContainsKey(p.Key)).Select(p => p.Key));
    }

    [Fact]
    public void Bicep_UsesOnlyLocalModules()
    {
        var files = Directory.EnumerateFiles(RepositoryRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories).ToList();
        var root = RepositoryRoot.Combine("infra");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (Match module in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var source = module.Groups["source"].Value;
                Assert.False(source.StartsWith("br", StringComparison.Ordinal) || source.StartsWith("ts:", StringComparison.Ordinal),
                    $"{file}: registry module '{source}'");
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, source));
                Assert.True(File.Exists(target), $"{file}: module '{source}' does not exist");
                Assert.StartsWith(root, target, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Bicep_DefaultGatewayConfig_UsesRedisAndKeepsAdminPrivate()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryRoot.Combine("infra", "gateway.yaml"))));
        var config = stream.Documents.Single().RootNode;

        Assert.Equal("redis", config.Scalar("sessions", "store"));
        // Container Apps ingress exposes 8080 only; an admin API bound to 0.0.0.0 would be pointless there.
        Assert.Null(config.At("admin"));
        Assert.Contains("loadTextContent('gateway.yaml')", File.ReadAllText(RepositoryRoot.Combine("infra", "main.bicep")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+\w+(?<default>\s*=)?", RegexOptions.Multiline)]
    private static partial Regex ParamDeclaration();

    [GeneratedRegex(@"^module\s+\w+\s+'(?<source>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
