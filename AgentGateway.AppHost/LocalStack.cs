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
    public static void Configure(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redis = builder.AddRedis("redis");
        var gateway = builder.AddProject("gateway", "../AgentGateway.Gateway/AgentGateway.Gateway.csproj")
            .WithArgs("--config", Path.Combine(builder.AppHostDirectory, "gateway.yaml"))
            .WithHttpEndpoint(name: "admin", urlEnv: "Gateway__admin__url")
            .WithReference(redis).WaitFor(redis)
            .WithHttpHealthCheck("/health")
            .WithExternalHttpEndpoints();

        // Backends the gateway.yaml routes to, by resource name (http://echo, http://mock-llm, ...).
        // Samples land on their own branches; a missing one is skipped with a note.
        var echo = builder.AddProjectIfExists("echo", "../samples/EchoHttp/EchoHttp.csproj")?.WithHttpHealthCheck("/health");
        var mockLlm = builder.AddProjectIfExists("mock-llm", "../samples/MockLlm/MockLlm.csproj")?.WithHttpHealthCheck("/health");
        var weather = builder.AddProjectIfExists("weather-mcp", "../samples/WeatherMcp/WeatherMcp.csproj");
        var notes = builder.AddProjectIfExists("notes-mcp", "../samples/NotesMcp/NotesMcp.csproj");
        var travel = builder.AddProjectIfExists("travel-agent", "../samples/TravelAgent/TravelAgent.csproj");
        var planner = builder.AddProjectIfExists("planner-agent", "../samples/PlannerAgent/PlannerAgent.csproj");

        foreach (var backend in new[] { echo, mockLlm, weather, notes, travel, planner })
        {
            if (backend is not null)
            {
                gateway.WithReference(backend).WaitFor(backend);
            }
        }
    }
}
