namespace AgentGateway.Tests.Deployment;

/// <summary>The manifest checks catch the mistakes they exist for (so a green run means something).</summary>
public sealed class ManifestChecksTests
{
    private const string Gateway = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: gw }
        spec:
          selector: { matchLabels: { app: gw } }
          template:
            metadata: { labels: { app: gw } }
            spec:
              containers:
                - name: gateway
                  ports: [{ name: http, containerPort: 8080 }]
                  env:
                    - name: ConnectionStrings__redis
                      valueFrom: { secretKeyRef: { name: keys, key: redis-connection-string } }
                  readinessProbe: { httpGet: { path: /health, port: http } }
                  livenessProbe: { httpGet: { path: /alive, port: http } }
        """;

    private static IReadOnlyList<KubeObject> Parse(params string[] documents) =>
        KubeObject.Parse(string.Join("\n---\n", documents), "test.yaml");

    [Fact]
    public void Selectors_ServiceSelectingNoPods_IsReported()
    {
        var objects = Parse(Gateway, "{ apiVersion: v1, kind: Service, metadata: { name: s }, spec: { selector: { app: other }, ports: [{ port: 80, targetPort: http }] } }");

        Assert.Contains(ManifestChecks.Selectors(objects), p => p.Contains("selector matches no", StringComparison.Ordinal));
    }

    [Fact]
    public void Selectors_ServiceTargetingAnUnknownPortName_IsReported()
    {
        var objects = Parse(Gateway, "{ apiVersion: v1, kind: Service, metadata: { name: s }, spec: { selector: { app: gw }, ports: [{ port: 80, targetPort: web }] } }");

        Assert.Contains(ManifestChecks.Selectors(objects), p => p.Contains("targetPort web", StringComparison.Ordinal));
    }

    [Fact]
    public void References_SecretWithoutTheKey_IsReported_AndMissingSecretToo()
    {
        var withoutKey = Parse(Gateway, "{ apiVersion: v1, kind: Secret, metadata: { name: keys }, stringData: { other: x } }");
        var withoutSecret = Parse(Gateway);

        Assert.Contains(ManifestChecks.References(withoutKey), p => p.Contains("'redis-connection-string'", StringComparison.Ordinal));
        Assert.Contains(ManifestChecks.References(withoutSecret), p => p.Contains("missing Secret 'keys'", StringComparison.Ordinal));
        Assert.Empty(ManifestChecks.References(withoutSecret, externalSecrets: "keys"));
    }

    [Fact]
    public void Targets_HpaForAnotherDeployment_IsReported()
    {
        var objects = Parse(Gateway, "{ apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, metadata: { name: h }, spec: { scaleTargetRef: { kind: Deployment, name: nope } } }");

        Assert.Contains(ManifestChecks.Targets(objects), p => p.Contains("Deployment/nope", StringComparison.Ordinal));
    }

    [Fact]
    public void GatewayProbes_WrongPath_IsReported()
    {
        var deployment = Parse(Gateway.Replace("path: /alive", "path: /healthz", StringComparison.Ordinal)).Single();

        Assert.Contains(ManifestChecks.GatewayProbes(deployment), p => p.Contains("livenessProbe path is '/healthz'", StringComparison.Ordinal));
        Assert.Empty(ManifestChecks.GatewayProbes(Parse(Gateway).Single()));
    }

    [Fact]
    public void AdminPortInternal_AdminPortOpenToEveryone_IsReported()
    {
        var open = Parse("""
            { apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: { name: n },
              spec: { podSelector: { matchLabels: { app: gw } }, policyTypes: [Ingress],
                      ingress: [ { ports: [ { port: 8080 }, { port: 15000 } ] } ] } }
            """).Single();
        var uncovered = Parse("""
            { apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: { name: n },
              spec: { podSelector: { matchLabels: { app: gw } }, policyTypes: [Ingress],
                      ingress: [ { ports: [ { port: 8080 } ] } ] } }
            """).Single();

        Assert.Contains(ManifestChecks.AdminPortInternal(open), p => p.Contains("15000 from everywhere", StringComparison.Ordinal));
        Assert.Contains(ManifestChecks.AdminPortInternal(uncovered), p => p.Contains("no ingress rule covers", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DocumentWithoutName_IsRejected()
    {
        Assert.Throws<InvalidDataException>(() => Parse("{ apiVersion: v1, kind: Service, metadata: {} }"));
    }
}
