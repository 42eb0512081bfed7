using AgentGateway.Configuration;
using AgentGateway.Mcp;

namespace AgentGateway.Tests.Mcp;

public sealed class McpConfigValidatorTests
{
    private static IReadOnlyList<ConfigError> Validate(McpBackendConfig backend, SessionsConfig? sessions = null)
    {
        var config = new GatewayConfig
        {
            Mcp = new Dictionary<string, McpBackendConfig> { ["tools"] = backend },
            Sessions = sessions ?? new SessionsConfig(),
        };
        var context = new ConfigValidationContext(Path.GetTempPath());
        new McpConfigValidator().Validate(config, context);
        return context.Errors;
    }

    [Fact]
    public void Validate_GoodBackend_NoErrors()
    {
        var errors = Validate(new McpBackendConfig
        {
            Prefix = "never",
            Targets =
            [
                new McpTargetConfig { Name = "everything", Stdio = new McpStdioConfig { Command = "npx", Args = ["-y", "x"] } },
                new McpTargetConfig { Name = "weather", Url = "http://weather-mcp/mcp", Transport = "sse" },
            ],
            AllowedOrigins = ["https://app.example.com"],
        });

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_ReportsEveryErrorWithItsPath()
    {
        var errors = Validate(new McpBackendConfig
        {
            Prefix = "sometimes",
            Targets =
            [
                new McpTargetConfig { Name = "a", Url = "http://a/mcp", Stdio = new McpStdioConfig { Command = "x" } },
                new McpTargetConfig { Name = "a", Url = "ftp://nope" },
                new McpTargetConfig { Name = "bad_name", Url = "http://b/mcp", Transport = "carrier-pigeon" },
                new McpTargetConfig { Name = "c" },
                new McpTargetConfig { Name = "d", Stdio = new McpStdioConfig() },
                new McpTargetConfig { Name = "e", OpenApi = new McpOpenApiConfig { Spec = "missing-spec.json", BaseUrl = "not a url" } },
            ],
            AllowedOrigins = ["javascript:alert(1)"],
        }, new SessionsConfig { Store = "disk", Ttl = "forever" });

        var paths = errors.Select(e => e.Path).ToList();
        Assert.Contains("mcp.tools.prefix", paths);
        Assert.Contains("mcp.tools.targets[0]", paths);            // two of stdio/url/openapi
        Assert.Contains("mcp.tools.targets[1].name", paths);       // duplicate
        Assert.Contains("mcp.tools.targets[1].url", paths);
        Assert.Contains("mcp.tools.targets[2].name", paths);       // '_' would make prefixes ambiguous
        Assert.Contains("mcp.tools.targets[2].transport", paths);
        Assert.Contains("mcp.tools.targets[3]", paths);            // none of them
        Assert.Contains("mcp.tools.targets[4].stdio.command", paths);
        Assert.Contains("mcp.tools.targets[5].openapi.spec", paths);
        Assert.Contains("mcp.tools.targets[5].openapi.baseUrl", paths);
        Assert.Contains("mcp.tools.allowedOrigins[0]", paths);
        Assert.Contains("sessions.store", paths);
        Assert.Contains("sessions.ttl", paths);
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("soon")]
    [InlineData("")]
    public void Validate_ListCacheTtl_NotAPositiveDuration_IsAnError(string ttl)
    {
        var errors = Validate(new McpBackendConfig
        {
            Targets = [new McpTargetConfig { Name = "weather", Url = "http://weather-mcp/mcp" }],
            ListCacheTtl = ttl,
        });

        Assert.Equal("mcp.tools.listCacheTtl", Assert.Single(errors).Path);
    }

    [Fact]
    public void Validate_NoTargets_IsAnError() =>
        Assert.Contains(Validate(new McpBackendConfig()), e => e.Path == "mcp.tools.targets");

    [Fact]
    public void Validate_Tls_OnlyOnUrlTargets_WithExistingFiles()
    {
        var errors = Validate(new McpBackendConfig
        {
            Targets =
            [
                new McpTargetConfig { Name = "local", Stdio = new McpStdioConfig { Command = "npx" }, Tls = new AgentGateway.Traffic.BackendTlsConfig { InsecureSkipVerify = true } },
                new McpTargetConfig { Name = "remote", Url = "https://mcp.internal/mcp", Tls = new AgentGateway.Traffic.BackendTlsConfig { CaPath = "no-such-ca.pem", InsecureSkipVerify = true } },
            ],
        });

        Assert.Equal(
            ["mcp.tools.targets[0].tls", "mcp.tools.targets[1].tls.caPath", "mcp.tools.targets[1].tls.insecureSkipVerify"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }
}
