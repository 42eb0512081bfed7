using AgentGateway.AppHost.Redis;

namespace AgentGateway.AppHost;

/// <summary>
/// The local stack's resource graph: Redis, the sample backends and the gateway (one, or replicas behind a
/// front), each gateway process referencing every backend by resource name as <c>gateway.yaml</c> expects.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711",
    Justification = "'Stack' means the local service stack, not a Stack<T> collection.")]
public static class LocalStack
{
    public static void Configure(IDistributedApplicationBuilder builder, LocalStackOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var redis = LocalRedis.Add(builder, "redis", options.Redis);
        var config = Path.Combine(builder.AppHostDirectory, "gateway.yaml");

        // Backends gateway.yaml routes to by resource name (http://echo, http://mock-llm, ...).
        var echo = Sample<Projects.EchoHttp>(builder, "echo");
        var travel = Sample<Projects.TravelAgent>(builder, "travel-agent");
        IResourceBuilder<ProjectResource>[] backends =
        [
            echo,
            Sample<Projects.MockLlm>(builder, "mock-llm"),
            Sample<Projects.WeatherMcp>(builder, "weather-mcp"),
            Sample<Projects.NotesMcp>(builder, "notes-mcp"),
            travel,
            Sample<Projects.PlannerAgent>(builder, "planner-agent"),
        ];

        // Every process that serves routes (the one gateway, or each replica but not the front) reaches every
        // backend and Redis. It waits only for Redis and echo (the smoke-test route): a sample that fails shows
        // in the dashboard without holding the rest back.
        void Serving(IResourceBuilder<ProjectResource> gateway)
        {
            foreach (var backend in backends)
            {
                gateway.WithReference(backend);
            }

            gateway.WaitFor(echo);
            if (redis is not null)
            {
                gateway.WithReference(redis).WaitFor(redis);
            }
        }

        // Replicas are a local rehearsal of scale-out; a deployment sets its own replica count, so publishing
        // always describes one gateway.
        var replicas = builder.ExecutionContext.IsRunMode ? options.Replicas : 1;
        var gateway = replicas == 1
            ? GatewayReplicas.AddGateway(builder, "gateway", config)
            : GatewayReplicas.Add(builder, "gateway", config, replicas, Serving);
        if (replicas == 1)
        {
            Serving(gateway);
        }

        gateway.WithPublicEndpoint();

        // The travel agent thinks with the gateway's own LLM route (the mock model), as a real agent would.
        travel.WithReference(gateway)
            .WithEnvironment("LLM_BASE_URL", "http://gateway/v1")
            .WithEnvironment("LLM_MODEL", "mock-travel");

        StackReadyReporter.Add(builder);
    }

    /// <summary>A sample on plain HTTP, like every local endpoint here (no developer certificate involved).</summary>
    private static IResourceBuilder<ProjectResource> Sample<TProject>(IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name).WithHttpEndpoint().WithHttpHealthCheck("/health").OnPlainHttp();

    /// <summary>
    /// Every local endpoint is plain HTTP, so no project needs the developer certificate; saying so keeps Aspire
    /// from warning on every start, in the console and in the dashboard, that none is trusted.
    /// </summary>
    internal static IResourceBuilder<ProjectResource> OnPlainHttp(this IResourceBuilder<ProjectResource> project)
    {
#pragma warning disable ASPIRECERTIFICATES001 // Evaluation API; the only way to tell Aspire a project serves no HTTPS.
        return project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }
}
