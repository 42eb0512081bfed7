using AgentGateway.AppHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.AppHost.Dashboard;

/// <summary>Routes of the dashboard: JSON API, OTLP receiver and the static pages.</summary>
internal static class DashboardEndpoints
{
    public static void Map(WebApplication web, DistributedApplication app)
    {
        web.MapGet("/api/resources", () => Results.Json(app.GetResourceSnapshots()));
        web.MapGet("/api/logs/{resource}", (string resource, long? after) => Results.Json(app.Logs.Get(resource, after ?? 0)));
    }
}
