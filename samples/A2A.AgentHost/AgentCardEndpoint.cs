using AgentGateway.A2A.Protocol;
using Microsoft.AspNetCore.Http;
using V03 = AgentGateway.A2A.Protocol.V03;
using V1 = AgentGateway.A2A.Protocol.V1;

namespace A2A.AgentHost;

/// <summary>
/// Serves the card in the version the caller asked for (A2A-Version; absent means 0.3). The v0.3 card also
/// carries v1.0 <c>supportedInterfaces</c>, so one document serves clients of both generations.
/// URLs are built from the address the caller used, so the card is right behind any proxy that forwards Host.
/// </summary>
internal static class AgentCardEndpoint
{
    public static async Task HandleAsync(HttpContext context, AgentDescriptor agent)
    {
        var request = context.Request;
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var interfaces = new List<V1.AgentInterface>
        {
            new() { Url = baseUrl + "/", ProtocolBinding = "JSONRPC", ProtocolVersion = "1.0" },
            new() { Url = baseUrl + "/rest", ProtocolBinding = "HTTP+JSON", ProtocolVersion = "1.0" },
            new() { Url = baseUrl + "/", ProtocolBinding = "JSONRPC", ProtocolVersion = "0.3" },
        };
        var skills = agent.Skills;
        var wantsV1 = request.Headers[A2AHeaders.Version].ToString().StartsWith('1');

        context.Response.Headers.Vary = A2AHeaders.Version;
        if (wantsV1)
        {
            var card = new V1.AgentCard
            {
                Name = agent.Name,
                Description = agent.Description,
                Version = agent.Version,
                SupportedInterfaces = interfaces,
                Capabilities = new V1.AgentCapabilities { Streaming = true, PushNotifications = false },
                DefaultInputModes = ["text"],
                DefaultOutputModes = ["text"],
                Skills = skills,
            };
            await context.Response.WriteAsJsonAsync(card, V1JsonContext.Default.AgentCard, "application/json", context.RequestAborted);
            return;
        }

        var legacy = new V03.AgentCard
        {
            Name = agent.Name,
            Description = agent.Description,
            Version = agent.Version,
            Url = baseUrl + "/",
            PreferredTransport = "JSONRPC",
            ProtocolVersion = "0.3.0",
            AdditionalInterfaces = [new V03.AgentInterface(baseUrl + "/", "JSONRPC")],
            Capabilities = new V03.AgentCapabilities { Streaming = true, PushNotifications = false, StateTransitionHistory = true },
            DefaultInputModes = ["text"],
            DefaultOutputModes = ["text"],
            Skills = skills.Select(s => new V03.AgentSkill { Id = s.Id, Name = s.Name, Description = s.Description, Tags = s.Tags, Examples = s.Examples }).ToList(),
            Extra = new() { ["supportedInterfaces"] = System.Text.Json.JsonSerializer.SerializeToElement(interfaces, V1JsonContext.Default.IReadOnlyListAgentInterface) },
        };
        await context.Response.WriteAsJsonAsync(legacy, V03JsonContext.Default.AgentCard, "application/json", context.RequestAborted);
    }
}
