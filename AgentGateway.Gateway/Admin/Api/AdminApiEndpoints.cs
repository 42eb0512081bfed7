using AgentGateway.Configuration;
using AgentGateway.Hosting;
using Microsoft.AspNetCore.Hosting.Server;

namespace AgentGateway.Admin.Api;

/// <summary>
/// The JSON behind the admin UI, under <c>/api</c> on the admin listener (docs/admin.md). Every endpoint passes the
/// browser guard (Host, CSRF header on POST) and, with <c>admin.policy</c>, authentication.
/// </summary>
internal static class AdminApiEndpoints
{
    public static void MapAdminApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/api")
            .AddEndpointFilter<AdminBrowserGuardFilter>()
            .AddEndpointFilter<AdminAuthenticationFilter>();
        api.MapAdminGet("/overview", OverviewEndpoint.Handle);
        api.MapAdminGet("/backends", BackendsEndpoint.HandleAsync);
        api.MapAdminGet("/policies", PoliciesEndpoint.Handle);
        api.MapAdminGet("/config", (IGatewayConfigProvider config) => Results.Text(ConfigRedactor.ToRedactedJson(config.Current), "application/json"));
        api.MapAdminGet("/decisions", (DecisionLog log) => Results.Json(new { capacity = DecisionLog.Capacity, decisions = log.Recent() }));
        api.MapAdminGet("/llm/answers", (RouteMetrics metrics) => Results.Json(new { answers = metrics.RecentLlmAnswers() }));
        api.MapAdminPost("/explain", (HttpRequest request, IGatewayConfigProvider config, Security.CedarPolicyCache cache) =>
            AuthorizeExplainEndpoint.HandleAsync(request, config, cache));
        api.Map("/playground/{**path}", (HttpContext context, string? path, PlaygroundForwarder forwarder, IServer server, AdminListener listener) =>
            forwarder.HandleAsync(context, path, server, listener));
    }
}
