using System.Net;

namespace AgentGateway.Configuration;

/// <summary>
/// Which host names stay on this machine. Shared by the listeners (what to bind), the config validator (whether the
/// admin API is reachable from elsewhere) and the admin guards (DNS rebinding), so the three never disagree.
/// </summary>
internal static class LoopbackHost
{
    /// <summary>"localhost" and the ".localhost" names bind loopback only, as Kestrel's UseUrls does.</summary>
    public static bool IsLocalhostName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>A localhost name or a loopback address, with or without IPv6 brackets.</summary>
    public static bool IsLoopback(string host)
    {
        var name = host.Trim('[', ']');
        return IsLocalhostName(name) || (IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip));
    }
}
