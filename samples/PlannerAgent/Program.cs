using A2A.AgentHost;
using AgentGateway.A2A.Protocol.V1;
using PlannerAgent;

// A deterministic A2A agent speaking v0.3 and v1.0 (JSON-RPC at /, REST at /rest). Port from ASPNETCORE_URLS.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddA2AAgent<PlannerLogic>(new AgentDescriptor
{
    Name = "Planner Agent",
    Description = "Splits a request into steps and streams one event per step.",
    Skills =
    [
        new AgentSkill
        {
            Id = "plan",
            Name = "Plan",
            Description = "Turns 'a, b then c' into numbered steps; 'stream N' streams N numbered events.",
            Tags = ["planning", "demo"],
            Examples = ["book flights, reserve hotel then rent a car", "stream 100"],
        },
    ],
});

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapA2AAgent();
app.Run();
