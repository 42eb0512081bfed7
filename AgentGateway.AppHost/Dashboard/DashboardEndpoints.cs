using System.Text.Json;
using System.Text.Json.Serialization;
using AgentGateway.AppHost.Dashboard.Otlp;
using AgentGateway.AppHost.Dashboard.Telemetry;
using AgentGateway.AppHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.AppHost.Dashboard;

/// <summary>Routes of the dashboard: the JSON API behind the pages, the OTLP receiver and the pages themselves.</summary>
internal static class DashboardEndpoints
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Map(WebApplication web, DistributedApplication app, TelemetryStore telemetry)
    {
        web.MapGet("/api/resources", () => Results.Json(app.GetResourceSnapshots(), Json));
        web.MapGet("/api/logs/{resource}", (string resource, long? after) =>
            app.Resources.Any(r => string.Equals(r.Name, resource, StringComparison.OrdinalIgnoreCase))
                ? Results.Json(app.Logs.Get(resource, after ?? 0), Json)
                : Results.Json(new { error = $"no resource named '{resource}'" }, Json, statusCode: StatusCodes.Status404NotFound));
        web.MapGet("/api/traces", (string? service, string? name, string? status, int? limit) =>
            Results.Json(TraceQuery.List(telemetry, service, name, status, Math.Clamp(limit ?? 200, 1, 1000)), Json));
        web.MapGet("/api/traces/{traceId}", (string traceId) =>
            TraceQuery.Detail(telemetry, traceId) is { } detail
                ? Results.Json(detail, Json)
                : Results.Json(new { error = $"no trace '{traceId}'" }, Json, statusCode: StatusCodes.Status404NotFound));
        web.MapGet("/api/structuredlogs", (string? service) => Results.Json(
            telemetry.Logs().Where(l => string.IsNullOrEmpty(service) || l.Service.Equals(service, StringComparison.OrdinalIgnoreCase))
                .TakeLast(500), Json));
        web.MapGet("/api/metrics", (string? service) => Results.Json(
            telemetry.Metrics().Where(m => string.IsNullOrEmpty(service) || m.Service.Equals(service, StringComparison.OrdinalIgnoreCase))
                .OrderBy(m => m.Service, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal), Json));

        OtlpReceiver.Map(web, telemetry);
        StaticAssets.Map(web);
    }
}
