using AgentGateway.Configuration;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentGateway.Admin;

/// <summary>The admin API (config dump, policy explain, Prometheus metrics), answered only on the admin listener.</summary>
internal static class AdminEndpoints
{
    public static IServiceCollection AddGatewayAdmin(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, AdminOnlyMatcherPolicy>());
        return services;
    }

    /// <summary>
    /// Maps the admin endpoints for every method and checks the method in the handler: routing's own method
    /// matching would answer 405 for, say, <c>PUT /config</c> on a public listener before the admin-only
    /// policy could hand the request to the routes.
    /// </summary>
    public static void MapGatewayAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("")
            .WithMetadata(AdminOnlyMetadata.Instance)
            .AddEndpointFilter<AdminBodyLimitFilter>();
        admin.Map("/config", (HttpRequest request, IGatewayConfigProvider config) =>
            HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                ? Results.Text(ConfigRedactor.ToRedactedJson(config.Current), "application/json")
                : MethodNotAllowed(request, "GET"));
        admin.Map("/authorize/explain", (HttpRequest request, IGatewayConfigProvider config, Security.CedarPolicyCache cache) =>
            HttpMethods.IsPost(request.Method) ? AuthorizeExplainEndpoint.HandleAsync(request, config, cache) : Task.FromResult(MethodNotAllowed(request, "POST")));
        admin.Map("/mcp/targets", (HttpRequest request, IGatewayConfigProvider config, Mcp.Endpoint.McpRuntimeRegistry registry) =>
            HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                ? McpTargetsEndpoint.Handle(config, registry)
                : MethodNotAllowed(request, "GET"));
        admin.MapPrometheusScrapingEndpoint("/metrics");
    }

    private static IResult MethodNotAllowed(HttpRequest request, string allowed)
    {
        request.HttpContext.Response.Headers.Allow = allowed;
        return Results.Json(new { error = new { type = "method_not_allowed", message = $"use {allowed}" } }, statusCode: StatusCodes.Status405MethodNotAllowed);
    }
}
