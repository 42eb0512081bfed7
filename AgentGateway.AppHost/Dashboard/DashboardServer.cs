using AgentGateway.AppHost.Dashboard.Telemetry;
using AgentGateway.AppHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentGateway.AppHost.Dashboard;

/// <summary>
/// The AppHost's own Kestrel: dashboard pages, their JSON API and the OTLP/HTTP receiver, all on
/// one loopback port that every service gets as OTEL_EXPORTER_OTLP_ENDPOINT.
/// </summary>
internal sealed class DashboardServer(DistributedApplication app, int port) : IAsyncDisposable
{
    private WebApplication? _web;
    private bool _stopped;

    public Uri Url { get; } = new($"http://127.0.0.1:{port}");

    public TelemetryStore Telemetry { get; } = new();

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Url.ToString());
        // The dashboard must not spam the AppHost console; warnings still show.
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(app);
        _web = builder.Build();
        DashboardEndpoints.Map(_web, app, Telemetry);
        await _web.StartAsync(ct);
    }

    public async Task StopAsync()
    {
        if (_web is null || _stopped)
        {
            return;
        }

        _stopped = true;
        await _web.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
    }
}
