using System.ClientModel;
using System.ClientModel.Primitives;
using A2A.AgentHost;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;
using TravelAgent;
using AgentSkill = AgentGateway.A2A.Protocol.V1.AgentSkill;

// A2A travel agent: a Microsoft Agent Framework ChatClientAgent over an OpenAI-compatible endpoint — normally the
// gateway's own LLM route. LLM_BASE_URL (e.g. http://gateway/v1, resolved by service discovery), LLM_MODEL and
// LLM_API_KEY come from the environment.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var baseUrl = builder.Configuration["LLM_BASE_URL"] ?? "http://localhost:8080/v1";
var model = builder.Configuration["LLM_MODEL"] ?? "gpt-4o-mini";
var apiKey = builder.Configuration["LLM_API_KEY"] is { Length: > 0 } key ? key : "unused";

// The OpenAI client sends through an IHttpClientFactory client so service discovery resolves "http://gateway".
builder.Services.AddHttpClient("llm", c => c.Timeout = TimeSpan.FromMinutes(5));
builder.Services.AddSingleton<AIAgent>(sp =>
{
    var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("llm");
    var options = new OpenAIClientOptions { Endpoint = new Uri(baseUrl), Transport = new HttpClientPipelineTransport(http) };
    IChatClient chatClient = new OpenAIClient(new ApiKeyCredential(apiKey), options).GetChatClient(model).AsIChatClient();
    var instructions = $"""
        You are a travel planning assistant. Help the user plan trips: destinations, itineraries, transport, lodging.
        If you cannot answer without more information (for example dates, origin or budget), reply with exactly one
        clarifying question that starts with "{TravelLogic.QuestionMarker}" and nothing else.
        Otherwise answer concisely.
        """;
    return new ChatClientAgent(chatClient, instructions, "travel-agent", "Plans trips");
});
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
app.MapDefaultEndpoints();
app.MapA2AAgent();
app.Run();
