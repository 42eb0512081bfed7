using AgentGateway.AppHost.Hosting;

namespace AgentGateway.AppHost;

/// <summary>
/// The local stack's resource graph, shared by Program.cs and the whole-stack tests
/// (DistributedApplicationTestingBuilder.CreateAsync&lt;LocalStack&gt;()).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711",
    Justification = "'Stack' means the local service stack, not a Stack<T> collection.")]
public sealed class LocalStack : IAppHostGraph
{
    private const string GatewayProject = "../AgentGateway.Gateway/AgentGateway.Gateway.csproj";

    /// <summary>The stack as the command line asks (<c>--replicas N</c>, see <see cref="LocalStackOptions"/>).</summary>
    public static void Configure(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Configure(builder, LocalStackOptions.Parse(builder.Options.Args));
    }

    public static void Configure(IDistributedApplicationBuilder builder, LocalStackOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var redis = builder.AddRedis("redis");
        var config = Path.Combine(builder.AppHostDirectory, "gateway.yaml");

        // One gateway, or N replicas sharing Redis behind a round-robin front: either way clients use "gateway".
        var serving = new List<IResourceBuilder<ProjectResource>>(); // the processes that serve routes (not the front)
        var gateway = options.Replicas == 1
            ? Serving(GatewayReplicas.AddGateway(builder, "gateway", GatewayProject, config).WithExternalHttpEndpoints())
            : GatewayReplicas.Add(builder, "gateway", GatewayProject, config, options.Replicas, r => Serving(r));

        IResourceBuilder<ProjectResource> Serving(IResourceBuilder<ProjectResource> instance)
        {
            serving.Add(instance.WithReference(redis).WaitFor(redis));
            return instance;
        }

        // Backends the gateway.yaml routes to, by resource name (http://echo, http://mock-llm, ...).
        // A sample that does not exist on this branch is skipped with a note. The gateway waits only for
        // echo (the smoke-test route); a sample that fails shows in the table without blocking the rest.
        var echo = builder.AddProjectIfExists("echo", "../samples/EchoHttp/EchoHttp.csproj")?.WithHttpHealthCheck("/health");
        if (echo is not null)
        {
            serving.ForEach(g => g.WithReference(echo).WaitFor(echo));
        }

        var samples = new[]
        {
            builder.AddProjectIfExists("mock-llm", "../samples/MockLlm/MockLlm.csproj"),
            builder.AddProjectIfExists("weather-mcp", "../samples/WeatherMcp/WeatherMcp.csproj"),
            builder.AddProjectIfExists("notes-mcp", "../samples/NotesMcp/NotesMcp.csproj"),
            builder.AddProjectIfExists("travel-agent", "../samples/TravelAgent/TravelAgent.csproj"),
            builder.AddProjectIfExists("planner-agent", "../samples/PlannerAgent/PlannerAgent.csproj"),
        };
        // The travel agent thinks with the gateway's own LLM route (the mock model), as a real agent would.
        samples[3]?.WithReference(gateway).WithEnvironment("LLM_BASE_URL", "http://gateway/v1").WithEnvironment("LLM_MODEL", "mock-travel");

        foreach (var sample in samples)
        {
            if (sample is not null)
            {
                sample.WithHttpHealthCheck("/health");
                serving.ForEach(g => g.WithReference(sample));
            }
        }
    }
}
