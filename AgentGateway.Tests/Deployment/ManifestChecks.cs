using YamlDotNet.RepresentationModel;

namespace AgentGateway.Tests.Deployment;

/// <summary>
/// Cross-reference checks over a set of Kubernetes objects. Each returns the problems it found,
/// one sentence each, so a failing test says exactly what disagrees.
/// </summary>
internal static class ManifestChecks
{
    /// <summary>Workload selectors match their pod labels; every Service selects some workload's pods on a port they expose.</summary>
    public static List<string> Selectors(IReadOnlyList<KubeObject> objects)
    {
        var problems = new List<string>();
        var workloads = objects.Where(o => o.PodTemplate is not null).ToList();
        foreach (var workload in workloads)
        {
            if (!workload.Root.StringMap("spec", "selector", "matchLabels").Selects(workload.PodLabels))
            {
                problems.Add($"{workload}: spec.selector.matchLabels does not match the pod template labels");
            }
        }

        foreach (var service in objects.Where(o => o.Kind == "Service"))
        {
            var selector = service.Root.StringMap("spec", "selector");
            var targets = workloads.Where(w => selector.Selects(w.PodLabels)).ToList();
            if (targets.Count == 0)
            {
                problems.Add($"{service}: selector matches no Deployment or StatefulSet pods");
                continue;
            }

            foreach (var port in service.Root.Items("spec", "ports"))
            {
                var targetPort = port.Scalar("targetPort") ?? port.Scalar("port");
                if (!targets.Any(t => ContainerPorts(t).Contains(targetPort)))
                {
                    problems.Add($"{service}: targetPort {targetPort} is not a container port of the selected pods");
                }
            }
        }

        return problems;
    }

    /// <summary>ConfigMaps, Secrets (and required keys) and ServiceAccounts used by pods exist, unless provided out of band.</summary>
    public static List<string> References(IReadOnlyList<KubeObject> objects, params string[] externalSecrets)
    {
        var problems = new List<string>();
        foreach (var workload in objects.Where(o => o.PodTemplate is not null))
        {
            var spec = workload.PodTemplate.At("spec");
            var account = spec.Scalar("serviceAccountName");
            if (account is not null && !objects.Any(o => o.Is("ServiceAccount", account)))
            {
                problems.Add($"{workload}: service account '{account}' does not exist");
            }

            foreach (var volume in spec.Items("volumes"))
            {
                var configMap = volume.Scalar("configMap", "name");
                if (configMap is not null && !objects.Any(o => o.Is("ConfigMap", configMap)))
                {
                    problems.Add($"{workload}: volume '{volume.Scalar("name")}' mounts missing ConfigMap '{configMap}'");
                }

                var secret = volume.Scalar("secret", "secretName");
                if (secret is not null && !externalSecrets.Contains(secret) && !objects.Any(o => o.Is("Secret", secret)))
                {
                    problems.Add($"{workload}: volume '{volume.Scalar("name")}' mounts missing Secret '{secret}'");
                }
            }

            foreach (var env in workload.Containers.SelectMany(c => c.Items("env")))
            {
                problems.AddRange(KeyReference(objects, workload, env, "secretKeyRef", "Secret", externalSecrets));
                problems.AddRange(KeyReference(objects, workload, env, "configMapKeyRef", "ConfigMap", []));
            }
        }

        return problems;
    }

    /// <summary>PodDisruptionBudgets and NetworkPolicies select the workload's pods; autoscalers target an existing workload.</summary>
    public static List<string> Targets(IReadOnlyList<KubeObject> objects)
    {
        var problems = new List<string>();
        var workloads = objects.Where(o => o.PodTemplate is not null).ToList();
        foreach (var o in objects.Where(o => o.Kind is "PodDisruptionBudget" or "NetworkPolicy"))
        {
            var path = o.Kind == "PodDisruptionBudget" ? "selector" : "podSelector";
            var selector = o.Root.StringMap("spec", path, "matchLabels");
            if (!workloads.Any(w => selector.Selects(w.PodLabels)))
            {
                problems.Add($"{o}: spec.{path} matches no Deployment or StatefulSet pods");
            }
        }

        foreach (var hpa in objects.Where(o => o.Kind == "HorizontalPodAutoscaler"))
        {
            var kind = hpa.Root.Scalar("spec", "scaleTargetRef", "kind") ?? "";
            var name = hpa.Root.Scalar("spec", "scaleTargetRef", "name") ?? "";
            if (!workloads.Any(w => w.Is(kind, name)))
            {
                problems.Add($"{hpa}: scaleTargetRef {kind}/{name} does not exist");
            }
        }

        return problems;
    }

    /// <summary>The gateway container probes readiness on /health and liveness on /alive, on its 8080 port.</summary>
    public static List<string> GatewayProbes(KubeObject deployment)
    {
        var problems = new List<string>();
        var container = deployment.Containers.FirstOrDefault(c => c.Scalar("name") == "gateway");
        if (container is null)
        {
            return [$"{deployment}: no container named 'gateway'"];
        }

        foreach (var (probe, path) in new[] { ("readinessProbe", "/health"), ("livenessProbe", "/alive") })
        {
            var actualPath = container.Scalar(probe, "httpGet", "path");
            var port = container.Scalar(probe, "httpGet", "port");
            if (actualPath != path)
            {
                problems.Add($"{deployment}: {probe} path is '{actualPath}', expected '{path}'");
            }

            if (ResolvePort(container, port) != "8080")
            {
                problems.Add($"{deployment}: {probe} port '{port}' is not the container's 8080");
            }
        }

        return problems;
    }

    /// <summary>Port 15000 is only reachable through rules that name their sources, and no rule opens every port to everyone.</summary>
    public static List<string> AdminPortInternal(KubeObject policy)
    {
        var problems = new List<string>();
        var rules = policy.Root.Items("spec", "ingress");
        if (!policy.Root.Items("spec", "policyTypes").Any(t => t is YamlScalarNode { Value: "Ingress" }))
        {
            problems.Add($"{policy}: policyTypes does not include Ingress");
        }

        var adminRules = rules.Where(r => r.Items("ports").Any(p => p.Scalar("port") is "15000" or "admin")).ToList();
        if (adminRules.Count == 0)
        {
            problems.Add($"{policy}: no ingress rule covers the admin port 15000");
        }

        foreach (var rule in rules)
        {
            var open = rule.Items("from").Count == 0;
            if (open && rule.Items("ports").Count == 0)
            {
                problems.Add($"{policy}: an ingress rule allows every port from everywhere");
            }
            else if (open && adminRules.Contains(rule))
            {
                problems.Add($"{policy}: an ingress rule allows port 15000 from everywhere");
            }
            else if (rule.Items("from").Any(f => f.At("ipBlock") is not null) && adminRules.Contains(rule))
            {
                problems.Add($"{policy}: port 15000 is opened to an ipBlock; keep it to in-cluster selectors");
            }
        }

        return problems;
    }

    private static IEnumerable<string> KeyReference(
        IReadOnlyList<KubeObject> objects, KubeObject workload, YamlNode env,
        string refKind, string objectKind, string[] external)
    {
        var reference = env.At("valueFrom", refKind);
        if (reference is null)
        {
            yield break;
        }

        var name = reference.Scalar("name") ?? "";
        var key = reference.Scalar("key") ?? "";
        var optional = reference.Scalar("optional") == "true";
        var target = objects.FirstOrDefault(o => o.Is(objectKind, name));
        if (target is null)
        {
            if (!external.Contains(name))
            {
                yield return $"{workload}: env {env.Scalar("name")} reads missing {objectKind} '{name}'";
            }

            yield break;
        }

        var keys = target.Root.Keys("data").Concat(target.Root.Keys("stringData"));
        if (!optional && !keys.Contains(key))
        {
            yield return $"{workload}: env {env.Scalar("name")} reads key '{key}' that {objectKind} '{name}' does not have";
        }
    }

    private static HashSet<string?> ContainerPorts(KubeObject workload) =>
        workload.Containers.SelectMany(c => c.Items("ports"))
            .SelectMany(p => new[] { p.Scalar("name"), p.Scalar("containerPort") })
            .Where(p => p is not null).ToHashSet();

    private static string? ResolvePort(YamlNode container, string? port) =>
        container.Items("ports").FirstOrDefault(p => p.Scalar("name") == port)?.Scalar("containerPort") ?? port;
}
