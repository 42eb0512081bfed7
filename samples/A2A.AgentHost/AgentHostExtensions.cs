using AgentGateway.A2A.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace A2A.AgentHost;

internal static class AgentHostExtensions
{
    public static IServiceCollection AddA2AAgent<TLogic>(this IServiceCollection services, AgentDescriptor descriptor)
        where TLogic : class, IAgentLogic
    {
        services.AddSingleton(descriptor);
        services.AddSingleton<IAgentLogic, TLogic>();
        services.AddSingleton<TaskManager>();
        services.AddSingleton<JsonRpcEndpoint>();
        return services;
    }

    /// <summary>Maps both card paths, JSON-RPC at POST / and the REST binding under /rest. (/health and /alive come
    /// from ServiceDefaults' MapDefaultEndpoints.)</summary>
    public static WebApplication MapA2AAgent(this WebApplication app)
    {
        app.MapGet(A2AHeaders.CardPath, (HttpContext c, AgentDescriptor d) => AgentCardEndpoint.HandleAsync(c, d));
        app.MapGet(A2AHeaders.LegacyCardPath, (HttpContext c, AgentDescriptor d) => AgentCardEndpoint.HandleAsync(c, d));
        app.MapPost("/", (HttpContext c, JsonRpcEndpoint e) => e.HandleAsync(c));
        app.Map("/rest", rest => rest.Run(c => RestEndpoint.HandleAsync(c, c.RequestServices.GetRequiredService<TaskManager>())));
        return app;
    }
}
