using AgentGateway.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Routing.Matching;

namespace AgentGateway.Admin;

/// <summary>The admin API (config dump, policy explain, Prometheus metrics), answered only on the admin listener.</summary>
internal static class AdminEndpoints
{
    public static IServiceCollection AddGatewayAdmin(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, AdminOnlyMatcherPolicy>());
        return services;
    }

    public static void MapGatewayAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("")
            .WithMetadata(AdminOnlyMetadata.Instance)
            .AddEndpointFilter<AdminBodyLimitFilter>();
        admin.MapGet("/config", (IGatewayConfigProvider config) =>
            Results.Text(ConfigRedactor.ToRedactedJson(config.Current), "application/json"));
        admin.MapPost("/authorize/explain", AuthorizeExplainEndpoint.HandleAsync);
        admin.MapGet("/mcp/targets", McpTargetsEndpoint.Handle);
        admin.MapPrometheusScrapingEndpoint("/metrics");
    }
}
