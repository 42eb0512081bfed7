using YamlDotNet.RepresentationModel;

namespace AgentGateway.Tests.Deployment;

/// <summary>
/// The Kubernetes manifests under deploy/k8s agree with each other: what the kustomizations list
/// exists, Services, PDB, HPA and NetworkPolicy point at the gateway pods, the pods' ConfigMaps and
/// Secrets exist, probes hit /health and /alive, and the admin port stays inside the cluster.
/// </summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Kustomizations => new() { "base", "overlays/dev", "overlays/production" };

    private static Kustomization LoadKustomization(string relative) =>
        Kustomization.Load(RepositoryRoot.Combine("deploy", "k8s", relative));

    private static IReadOnlyList<KubeObject> Base => LoadKustomization("base").Objects();

    private static KubeObject Single(IReadOnlyList<KubeObject> objects, string kind, string name) =>
        Assert.Single(objects, o => o.Is(kind, name));

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Kustomization_ListsOnlyFilesThatExist(string kustomization)
    {
        Assert.Empty(LoadKustomization(kustomization).MissingEntries());
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Kustomization_PatchesTargetObjectsItsResourcesDefine(string kustomization)
    {
        var k = LoadKustomization(kustomization);
        var resources = k.Resources.SelectMany(r => File.Exists(r) ? KubeObject.Load(r) : Kustomization.Load(r).Objects()).ToList();

        var orphans = k.PatchObjects().Where(p => !resources.Any(o => o.Is(p.Kind, p.Name))).Select(p => p.ToString());

        Assert.Empty(orphans);
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Kustomization_ServicesAndWorkloadsSelectEachOther(string kustomization)
    {
        Assert.Empty(ManifestChecks.Selectors(LoadKustomization(kustomization).Objects()));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Kustomization_PdbHpaAndNetworkPoliciesTargetExistingWorkloads(string kustomization)
    {
        var objects = LoadKustomization(kustomization).Objects();

        Assert.Empty(ManifestChecks.Targets(objects));
        var hpa = Single(objects, "HorizontalPodAutoscaler", "agentgateway");
        Assert.Equal("Deployment/agentgateway", $"{hpa.Root.Scalar("spec", "scaleTargetRef", "kind")}/{hpa.Root.Scalar("spec", "scaleTargetRef", "name")}");
        var pdb = Single(objects, "PodDisruptionBudget", "agentgateway");
        Assert.True(pdb.Root.StringMap("spec", "selector", "matchLabels").Selects(Single(objects, "Deployment", "agentgateway").PodLabels));
    }

    [Fact]
    public void EveryYamlFileUnderDeployK8s_ParsesAndBelongsToAKustomization()
    {
        var used = Kustomizations.SelectMany(k => LoadKustomization(k).Files()).Select(Path.GetFullPath).ToHashSet();
        var files = Directory.EnumerateFiles(RepositoryRoot.Combine("deploy", "k8s"), "*.yaml", SearchOption.AllDirectories)
            .Select(Path.GetFullPath).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files.Where(f => Path.GetFileName(f) != "kustomization.yaml"))
        {
            Assert.NotEmpty(KubeObject.Load(file));
        }

        Assert.DoesNotContain(files, f => !used.Contains(f));
    }

    [Fact]
    public void Base_PodReferences_ConfigMapSecretKeysAndServiceAccountThatExist()
    {
        Assert.Empty(ManifestChecks.References(Base));
    }

    [Fact]
    public void Base_Deployment_RunsThreeReplicas_ProbesHealthAndAlive_WithMemoryRequestAndLimit()
    {
        var deployment = Single(Base, "Deployment", "agentgateway");
        var gateway = Assert.Single(deployment.Containers);

        Assert.Equal("3", deployment.Root.Scalar("spec", "replicas"));
        Assert.Empty(ManifestChecks.GatewayProbes(deployment));
        Assert.Equal("128Mi", gateway.Scalar("resources", "requests", "memory"));
        Assert.Equal("512Mi", gateway.Scalar("resources", "limits", "memory"));
        Assert.Equal("true", deployment.PodTemplate.Scalar("spec", "securityContext", "runAsNonRoot"));
    }

    [Fact]
    public void Base_Deployment_MountsConfigDirectory_AndReadsRedisFromTheSecret()
    {
        var deployment = Single(Base, "Deployment", "agentgateway");
        var gateway = Assert.Single(deployment.Containers);
        var env = gateway.Items("env").ToDictionary(e => e.Scalar("name")!, e => e);

        Assert.Equal("/config/gateway.yaml", env["Gateway__ConfigFile"].Scalar("value"));
        Assert.Equal("agentgateway-secrets", env["ConnectionStrings__redis"].Scalar("valueFrom", "secretKeyRef", "name"));
        Assert.Equal("redis-connection-string", env["ConnectionStrings__redis"].Scalar("valueFrom", "secretKeyRef", "key"));
        // A subPath mount would never see ConfigMap updates, and config reload depends on them.
        var mount = Assert.Single(gateway.Items("volumeMounts"), m => m.Scalar("name") == "config");
        Assert.Equal("/config", mount.Scalar("mountPath"));
        Assert.Null(mount.Scalar("subPath"));
    }

    [Fact]
    public void Base_NetworkPolicy_KeepsAdminPortInsideTheCluster()
    {
        Assert.Empty(ManifestChecks.AdminPortInternal(Single(Base, "NetworkPolicy", "agentgateway")));
    }

    [Fact]
    public void Base_ConfigMap_HoldsAGatewayConfigThatBindsAdminForScraping_AndUsesRedis()
    {
        var text = Single(Base, "ConfigMap", "agentgateway-config").Root.Scalar("data", "gateway.yaml");
        Assert.NotNull(text);

        var config = Assert.Single(ParseYaml(text));

        Assert.Equal("http://0.0.0.0:15000", config.Scalar("admin", "url"));
        Assert.Equal("redis", config.Scalar("sessions", "store"));
        Assert.NotEmpty(config.Items("routes"));
    }

    [Fact]
    public void DevOverlay_PointsRedisConnectionStringAtItsRedisService()
    {
        var dev = LoadKustomization("overlays/dev");
        var objects = dev.Objects();
        var patch = Assert.Single(dev.PatchObjects(), p => p.Is("Secret", "agentgateway-secrets"));
        var service = Single(objects, "Service", "agentgateway-redis");
        var redis = Single(objects, "StatefulSet", "agentgateway-redis");

        var connection = patch.Root.Scalar("stringData", "redis-connection-string");
        Assert.StartsWith("agentgateway-redis:6379", connection);
        Assert.Equal("6379", Assert.Single(service.Root.Items("spec", "ports")).Scalar("port"));
        Assert.True(service.Root.StringMap("spec", "selector").Selects(redis.PodLabels));
        Assert.Equal(service.Name, redis.Root.Scalar("spec", "serviceName"));
        Assert.Empty(ManifestChecks.References(objects));
    }

    [Fact]
    public void ProductionOverlay_OnlyMissingReference_IsTheSecretCreatedOutOfBand()
    {
        var objects = LoadKustomization("overlays/production").Objects();

        Assert.DoesNotContain(objects, o => o.Kind == "Secret");
        Assert.Empty(ManifestChecks.References(objects, externalSecrets: "agentgateway-secrets"));
        Assert.NotEmpty(ManifestChecks.References(objects));
    }

    private static List<YamlNode> ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => d.RootNode).ToList();
    }
}
