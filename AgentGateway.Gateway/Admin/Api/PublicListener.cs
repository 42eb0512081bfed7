using AgentGateway.Configuration;
using AgentGateway.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AgentGateway.Admin.Api;

/// <summary>Where this process serves routes, as a base URL the admin API can call (the playground forwarder).</summary>
internal static class PublicListener
{
    /// <summary>The first non-admin listener, http preferred; wildcard hosts become loopback. Null when there is none.</summary>
    public static Uri? BaseAddress(IServer server, AdminListener admin)
    {
        var adminPorts = admin.EndPoints.OfType<System.Net.IPEndPoint>().Select(static e => e.Port).ToHashSet();
        var candidates = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Where(a => PortOf(a) is { } port && !adminPorts.Contains(port))
            .OrderBy(static a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
        foreach (var address in candidates)
        {
            var parsed = BindingAddress.Parse(address);
            var host = parsed.Host switch
            {
                "0.0.0.0" or "*" or "+" => "127.0.0.1",
                "[::]" or "::" => "[::1]",
                var h when LoopbackHost.IsLocalhostName(h) => "127.0.0.1",
                var h => h,
            };
            return new Uri($"{parsed.Scheme}://{host}:{parsed.Port}");
        }

        return null;
    }

    public static int? PortOf(string address)
    {
        try
        {
            var parsed = BindingAddress.Parse(address);
            return parsed.IsUnixPipe ? null : parsed.Port;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
