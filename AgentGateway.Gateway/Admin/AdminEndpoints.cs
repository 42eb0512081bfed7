using AgentGateway.Admin.Api;
using AgentGateway.Admin.Ui;
using AgentGateway.Configuration;
using AgentGateway.Hosting;
using AgentGateway.Security;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentGateway.Admin;

/// <summary>The admin API (config dump, policy explain, Prometheus metrics) and UI, answered only on the admin listener.</summary>
internal static class AdminEndpoints
{
    public static IServiceCollection AddGatewayAdmin(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, AdminOnlyMatcherPolicy>());
        services.AddSingleton<RouteMetrics>();
        services.AddSingleton<DecisionLog>();
        services.AddSingleton<PlaygroundForwarder>();
        return services;
    }

    /// <summary>
    /// While the admin API is on, authorization decisions are also written to the <see cref="DecisionLog"/> for the
    /// UI's simulator. Call after the security services are registered (it wraps their authorizer).
    /// </summary>
    public static IServiceCollection AddGatewayAdminDecisionLog(this IServiceCollection services, AdminListener admin)
    {
        if (!admin.Enabled || services.LastOrDefault(static d => d.ServiceType == typeof(IRequestAuthorizer)) is not { } inner)
        {
            return services;
        }

        services.Remove(inner);
        services.AddSingleton<IRequestAuthorizer>(sp => new RecordingAuthorizer(
            inner.ImplementationInstance as IRequestAuthorizer
                ?? inner.ImplementationFactory?.Invoke(sp) as IRequestAuthorizer
                ?? (IRequestAuthorizer)ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!),
            sp.GetRequiredService<DecisionLog>(),
            sp.GetRequiredService<TimeProvider>()));
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
        admin.MapAdminUi();
        admin.MapAdminApi();

        // Starts collecting per-route traffic for the UI now, so the first page view already has numbers.
        _ = endpoints.ServiceProvider.GetRequiredService<RouteMetrics>();

        // The endpoints below predate the UI; admin.policy protects them too (not /metrics: scrapers rarely authenticate).
        admin = admin.MapGroup("").AddEndpointFilter<AdminAuthenticationFilter>();
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
        endpoints.MapGroup("").WithMetadata(AdminOnlyMetadata.Instance).MapPrometheusScrapingEndpoint("/metrics");
    }

    private static IResult MethodNotAllowed(HttpRequest request, string allowed)
    {
        request.HttpContext.Response.Headers.Allow = allowed;
        return Results.Json(new { error = new { type = "method_not_allowed", message = $"use {allowed}" } }, statusCode: StatusCodes.Status405MethodNotAllowed);
    }
}
