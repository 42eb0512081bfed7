using System.Net.Http.Json;
using System.Text.Json;
using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

/// <summary>Starts a stack with the dashboard on (a free port) and reads its JSON API.</summary>
internal static class DashboardTestApp
{
    public static async Task<AppHostTestApplication> StartAsync(Action<IDistributedApplicationBuilder> configure, CancellationToken ct)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(configure, new AppHostTestOptions { EnableDashboard = true }, ct);
        var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        return app;
    }

    public static Uri Dashboard(this AppHostTestApplication app) =>
        app.Application.DashboardUrl ?? throw new InvalidOperationException("dashboard is off");

    public static async Task<JsonElement> GetJsonAsync(this AppHostTestApplication app, string path, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = app.Dashboard() };
        return await http.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative), ct);
    }
}
