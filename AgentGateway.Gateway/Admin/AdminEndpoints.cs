using AgentGateway.Configuration;

namespace AgentGateway.Admin;

/// <summary>The admin API, answered only on the admin listener.</summary>
internal static class AdminEndpoints
{
    public static void MapGatewayAdmin(this IEndpointRouteBuilder endpoints, int adminPort)
    {
        var admin = endpoints.MapGroup("").RequireHost($"*:{adminPort}");
        admin.MapGet("/config", (IGatewayConfigProvider config) =>
            Results.Text(ConfigRedactor.ToRedactedJson(config.Current), "application/json"));
        admin.MapPost("/authorize/explain", AuthorizeExplainEndpoint.HandleAsync);
        admin.MapGet("/mcp/targets", McpTargetsEndpoint.Handle);
    }
}
