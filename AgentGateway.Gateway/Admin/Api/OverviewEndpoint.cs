using AgentGateway.Configuration;
using AgentGateway.Hosting;
using AgentGateway.Routing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AgentGateway.Admin.Api;

/// <summary><c>GET /api/overview</c>: listeners, routes with their traffic over the last minute, and the last config load.</summary>
internal static class OverviewEndpoint
{
    public static IResult Handle(GatewayConfigProvider provider, IServer server, AdminListener admin, RouteMetrics metrics)
    {
        var config = provider.Current;
        var traffic = metrics.Snapshot();
        var adminPorts = admin.EndPoints.OfType<System.Net.IPEndPoint>().Select(static e => e.Port).ToHashSet();
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return Results.Json(new
        {
            listeners = addresses.Select(a => new { url = a, admin = PublicListener.PortOf(a) is { } p && adminPorts.Contains(p) }),
            routes = config.Routes.Select(r =>
            {
                var (kind, backend) = RouteKinds.Of(r).FirstOrDefault();
                return new
                {
                    name = r.Name,
                    path = r.Path,
                    hosts = r.Hosts,
                    methods = r.Methods,
                    kind,
                    backend,
                    policies = r.Policies,
                    traffic = traffic.GetValueOrDefault(r.Name),
                };
            }),
            windowSeconds = RouteMetrics.Window.TotalSeconds,
            config = new
            {
                lastLoad = provider.LastLoad is { } load
                    ? new
                    {
                        time = load.Time,
                        kind = load.Kind,
                        accepted = load.Accepted,
                        // Messages quote config values; URLs in them lose their credentials as in /config.
                        errors = load.Errors.Select(static e => new { path = e.Path, message = UrlRedactor.Redact(e.Message) }),
                    }
                    : null,
            },
        });
    }
}
