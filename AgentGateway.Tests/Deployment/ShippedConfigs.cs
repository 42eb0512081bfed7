namespace AgentGateway.Tests.Deployment;

/// <summary>The gateway configurations the deployment files ship, read from where they live.</summary>
internal static class ShippedConfigs
{
    public const string KubernetesBase = "k8s-base";
    public const string KubernetesProduction = "k8s-production";
    public const string ContainerApps = "container-apps";

    public static string Text(string which) => which switch
    {
        KubernetesBase => ConfigMapData(Kustomization.Load(RepositoryRoot.Combine("deploy", "k8s", "base")).Objects()),
        KubernetesProduction => ConfigMapData(Kustomization.Load(RepositoryRoot.Combine("deploy", "k8s", "overlays", "production")).PatchObjects()),
        ContainerApps => File.ReadAllText(RepositoryRoot.Combine("infra", "gateway.yaml")),
        _ => throw new ArgumentOutOfRangeException(nameof(which), which, "unknown shipped config"),
    };

    private static string ConfigMapData(IEnumerable<KubeObject> objects) =>
        objects.Single(o => o.Is("ConfigMap", "agentgateway-config")).Root.Scalar("data", "gateway.yaml")
        ?? throw new InvalidDataException("ConfigMap agentgateway-config has no gateway.yaml");
}
