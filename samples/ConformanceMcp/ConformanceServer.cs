using AgentGateway.Samples.Common;
using AgentGateway.Samples.ConformanceMcp.Handlers;
using AgentGateway.Samples.ConformanceMcp.Prompts;
using AgentGateway.Samples.ConformanceMcp.Resources;
using AgentGateway.Samples.ConformanceMcp.Tools;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Samples.ConformanceMcp;

/// <summary>
/// The backend for the official MCP conformance suite's server scenarios: every tool, prompt and
/// resource they call, served over Streamable HTTP at /mcp. Tests host it in-process through <see cref="Build"/>.
/// </summary>
internal static class ConformanceServer
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddSingleton<WatchedResourceState>();
        // Resumable SSE streams (test_reconnection, SEP-1699) replay events from this store; memory is enough for one process.
        builder.Services.AddDistributedMemoryCache();
#pragma warning disable MCP9006 // Informational obsoletion on the event store API; it is the SDK's supported way to enable resumability.
        builder.Services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "agentgateway-conformance", Version = "1.0.0" };
                options.ServerInstructions = "Backend for the MCP conformance suite; every tool is deterministic.";
            })
            // Sessions are needed for sampling, elicitation, subscriptions and resumable streams; 2026-07-28
            // clients (which do not initialize) are still served statelessly.
            .WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.StatefulForInitializeClients)
            .WithDistributedCacheEventStreamStore()
#pragma warning restore MCP9006
            .WithTools([typeof(ContentTools), typeof(StreamingTools), typeof(ClientRequestTools), typeof(ResourceTools)])
            .WithTools([ContentTools.CreateJsonSchema202012Tool()])
            .WithPrompts([typeof(ConformancePrompts)])
            .WithResources([typeof(ConformanceResources)])
            .WithConformanceHandlers();

        var app = builder.Build();

        app.UseLocalOriginGuard(app.Configuration["Mcp:AllowedHosts"]);
        app.MapGet("/health", () => Results.Text("Healthy"));
        app.MapMcp("/mcp");

        return app;
    }
}
