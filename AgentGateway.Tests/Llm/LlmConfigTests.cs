using AgentGateway.Configuration;
using AgentGateway.Hosting;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using OpenAI.Chat;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

public class LlmConfigTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (GatewayConfig? Config, IReadOnlyList<ConfigError> Errors) Load(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("agw-llm-config-").FullName;
        var path = Path.Combine(dir, "gateway.yaml");
        File.WriteAllText(path, "admin: { url: \"\" }\n" + yaml);
        var (app, errors) = GatewayApp.Build(GatewayCommandLine.Parse(["--config", path, "--hostBuilder:reloadConfigOnChange=false"]));
        var config = app?.Services.GetRequiredService<IGatewayConfigProvider>().Current;
        (app as IDisposable)?.Dispose();
        return (config, errors);
    }

    [Fact]
    public void LlmSection_BindsEveryKey()
    {
        var (config, errors) = Load("""
            routes: [{ name: m, path: /v1, llm: models }]
            llm:
              models:
                providers:
                  - name: az
                    type: azure-openai
                    baseUrl: https://x.openai.azure.com
                    apiKey: k1
                    models: [gpt-4o]
                    deployment: prod
                    apiVersion: 2024-10-21
                    timeout: 45s
                  - { name: claude, type: anthropic, apiKey: k2, models: ["claude-*"], passthrough: true }
                aliases: { fast: gpt-4o }
                failover: [claude, az]
                guards:
                  request: [{ builtin: email, action: mask }, { regex: "sk-[A-Za-z0-9]{20,}", action: reject, name: key }]
                  response: [{ builtin: ssn }]
            """);

        Assert.Empty(errors);
        var llm = config!.Llm["models"];
        Assert.Equal(["az", "claude"], llm.Providers.Select(p => p.Name));
        Assert.Equal(("prod", "2024-10-21", "45s"), (llm.Providers[0].Deployment, llm.Providers[0].ApiVersion, llm.Providers[0].Timeout));
        Assert.True(llm.Providers[1].Passthrough);
        Assert.Equal("gpt-4o", llm.Aliases["fast"]);
        Assert.Equal(["claude", "az"], llm.Failover);
        Assert.Equal("reject", llm.Guards!.Request[1].Action);
        Assert.Equal("key", llm.Guards.Request[1].Name);
        Assert.Equal("ssn", Assert.Single(llm.Guards.Response).Builtin);
    }

    [Fact]
    public void InvalidLlmConfig_ReportsEveryErrorWithItsPath()
    {
        var (config, errors) = Load("""
            routes: [{ name: m, path: /v1, llm: models }]
            llm:
              models:
                providers:
                  - { name: a, type: openai-compatible, models: [x] }
                  - { name: a, type: telepathy }
                  - { name: c, type: azure-openai, baseUrl: "not a url", timeout: soon }
                aliases: { fast: unserved-model }
                failover: [a, ghost]
                guards:
                  request: [{ regex: "([unclosed", action: mask }, { builtin: email, regex: "x" }, { builtin: dna }, { builtin: ssn, action: explode }]
            """);

        Assert.Null(config);
        var paths = errors.Select(e => e.Path).ToList();
        Assert.Contains("llm.models.providers[0].baseUrl", paths);
        Assert.Contains("llm.models.providers[1].name", paths);
        Assert.Contains("llm.models.providers[1].type", paths);
        Assert.Contains("llm.models.providers[2].baseUrl", paths);
        Assert.Contains("llm.models.providers[2].apiVersion", paths);
        Assert.Contains("llm.models.providers[2].timeout", paths);
        Assert.Contains("llm.models.failover[1]", paths);
        Assert.Contains("llm.models.guards.request[0].regex", paths);
        Assert.Contains("llm.models.guards.request[1]", paths);
        Assert.Contains("llm.models.guards.request[2].builtin", paths);
        Assert.Contains("llm.models.guards.request[3].action", paths);
        Assert.DoesNotContain(errors, e => e.Path == "llm.models.aliases.fast"); // provider 'a' with type telepathy serves any model
    }

    [Fact]
    public void ProviderTls_IsCheckedLikeAnHttpBackends_AndRefusedOnAMockProvider()
    {
        var (_, errors) = Load("""
            routes: [{ name: m, path: /v1, llm: models }]
            llm:
              models:
                providers:
                  - { name: a, type: mock, models: [x], tls: { insecureSkipVerify: true } }
                  - { name: b, type: openai-compatible, baseUrl: "https://llm.internal/v1", models: [y], tls: { caPath: no-such-ca.pem } }
            """);

        Assert.Contains(errors, e => e.Path == "llm.models.providers[0].tls");
        Assert.Contains(errors, e => e.Path == "llm.models.providers[1].tls.caPath");
    }

    [Fact]
    public void Alias_ToModelNoProviderServes_IsAnError()
    {
        var (_, errors) = Load("""
            routes: [{ name: m, path: /v1, llm: models }]
            llm:
              models:
                providers: [{ name: a, type: mock, models: [x] }]
                aliases: { fast: y }
            """);

        Assert.Contains(errors, e => e.Path == "llm.models.aliases.fast");
    }

    [Fact]
    public async Task Reload_RebuildsProviders_NewRequestsUseTheNewConfig()
    {
        await using var first = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var second = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("p", "openai-compatible", first.BaseUrl, "[m]")));
        await OpenAiChat(gw, "m").CompleteChatAsync([new UserChatMessage("before")], cancellationToken: Ct);

        Assert.True(await gw.RewriteConfigAsync(Yaml("providers:\n" + Provider("p", "openai-compatible", second.BaseUrl, "[m]")), TimeSpan.FromSeconds(10)));
        await OpenAiChat(gw, "m").CompleteChatAsync([new UserChatMessage("after")], cancellationToken: Ct);

        Assert.Equal(1, first.RequestCount);
        Assert.Equal(1, second.RequestCount);
    }
}
