using System.Net;
using AgentGateway.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Deployment;

/// <summary>
/// The configs in the Kubernetes manifests and the Azure template are accepted by the real gateway,
/// and the probes the manifests point at behave as the deployment relies on: readiness follows Redis,
/// liveness does not, and the admin API answers on its own port only.
/// </summary>
public sealed class ShippedConfigTests
{
    public static TheoryData<string> Configs => new()
    {
        ShippedConfigs.KubernetesBase,
        ShippedConfigs.KubernetesProduction,
        ShippedConfigs.ContainerApps,
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public async Task ShippedConfig_PassesGatewayValidation_SecretsAsideThatComeFromTheEnvironment(string which)
    {
        var directory = Directory.CreateTempSubdirectory("agw-deploy-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "gateway.yaml");
            await File.WriteAllTextAsync(path, ShippedConfigs.Text(which), TestContext.Current.CancellationToken);

            // The Kubernetes configs' admin key hash comes from the Secret too (${AGENTGATEWAY_ADMIN_KEY_HASH}): given here.
            string[] adminKey = which.StartsWith("k8s", StringComparison.Ordinal) ? [$"--{AdminKeyHashSetting}={AgentGateway.Security.SecretHash.Sha256("operator-key")}"] : [];
            var (app, errors) = GatewayApp.Build(GatewayCommandLine.Parse(["--config", path, "--urls", "http://127.0.0.1:0", .. adminKey]));
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            // Provider keys are ${NAME} references filled from Secrets at run time; nothing else may fail.
            Assert.All(errors, e => Assert.Matches("environment variable '(OPENAI|ANTHROPIC)_API_KEY' is not set", e.Message));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // The manifest's admin key hash comes from the Secret (${AGENTGATEWAY_ADMIN_KEY_HASH}); a test sets one directly.
    private const string AdminKeyHashSetting = "Gateway:policies:admin-api:authentication:apiKeys:0:keyHash";

    [Fact]
    public async Task KubernetesConfig_WithRedis_IsReadyAndAlive_AndAdminAnswersOnItsOwnPortOnly()
    {
        await using var redis = await RedisServer.StartAsync();
        var adminPort = FreePort.Next();
        await using var gateway = await TestGateway.StartAsync(ShippedConfigs.Text(ShippedConfigs.KubernetesBase), new Dictionary<string, string?>
        {
            // The manifest binds 0.0.0.0:15000 for in-cluster scraping; a test binds loopback on a free port.
            ["Gateway:admin:url"] = $"http://127.0.0.1:{adminPort}",
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            [AdminKeyHashSetting] = AgentGateway.Security.SecretHash.Sha256("operator-key"),
        });
        using var client = gateway.CreateClient();
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}"), DefaultRequestHeaders = { { "Authorization", "Bearer operator-key" } } };
        var ct = TestContext.Current.CancellationToken;

        using var ready = await client.GetAsync(new Uri("/health", UriKind.Relative), ct);
        using var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative), ct);
        using var adminConfig = await admin.GetAsync(new Uri("/config", UriKind.Relative), ct);
        using var publicConfig = await client.GetAsync(new Uri("/config", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminConfig.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, publicConfig.StatusCode);
    }

    [Fact]
    public async Task KubernetesConfig_RedisUnreachable_IsNotReady_ButStaysAlive()
    {
        // A port nothing listens on: the pod must leave the Service (readiness) without being
        // restarted by the kubelet (liveness), since a restart cannot fix Redis.
        using var deadPort = new DeadPort();
        var deadRedis = $"127.0.0.1:{deadPort.Port}";
        await using var gateway = await TestGateway.StartAsync(ShippedConfigs.Text(ShippedConfigs.KubernetesBase), new Dictionary<string, string?>
        {
            ["Gateway:admin:url"] = "",
            [AdminKeyHashSetting] = AgentGateway.Security.SecretHash.Sha256("operator-key"),
            ["ConnectionStrings:redis"] = deadRedis,
        });
        using var client = gateway.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        using var ready = await client.GetAsync(new Uri("/health", UriKind.Relative), ct);
        using var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
