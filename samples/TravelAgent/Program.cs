using System.ClientModel;
using A2A.AgentHost;
using AgentSkill = AgentGateway.A2A.Protocol.V1.AgentSkill;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;
using TravelAgent;

// A2A travel agent: a Microsoft Agent Framework ChatClientAgent over an OpenAI-compatible endpoint — normally the
// gateway's own LLM route. LLM_BASE_URL (e.g. http://gateway/v1), LLM_MODEL and LLM_API_KEY come from env.
var builder = WebApplication.CreateBuilder(args);

var baseUrl = builder.Configuration["LLM_BASE_URL"] ?? "http://localhost:8080/v1";
var model = builder.Configuration["LLM_MODEL"] ?? "gpt-4o-mini";
var apiKey = builder.Configuration["LLM_API_KEY"] is { Length: > 0 } key ? key : "unused";

IChatClient chatClient = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri(baseUrl) })
    .GetChatClient(model)
    .AsIChatClient();

var instructions = $"""
    You are a travel planning assistant. Help the user plan trips: destinations, itineraries, transport, lodging.
    If you cannot answer without more information (for example dates, origin or budget), reply with exactly one
    clarifying question that starts with "{TravelLogic.QuestionMarker}" and nothing else.
    Otherwise answer concisely.
    """;
builder.Services.AddSingleton<AIAgent>(new ChatClientAgent(chatClient, instructions, "travel-agent", "Plans trips"));
builder.Services.AddA2AAgent<TravelLogic>(new AgentDescriptor
{
    Name = "Travel Agent",
    Description = "Plans trips with an LLM; asks a clarifying question when it needs more details.",
    Skills =
    [
        new AgentSkill
        {
            Id = "plan-trip",
            Name = "Plan a trip",
            Description = "Itineraries, transport and lodging suggestions.",
            Tags = ["travel", "llm"],
            Examples = ["Plan a weekend in Lisbon", "Find me a train from Paris to Berlin"],
        },
    ],
});

var app = builder.Build();
app.MapA2AAgent();
app.Run();
