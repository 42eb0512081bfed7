using System.Net;
using System.Net.Sockets;
using AgentGateway.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AgentGateway.Hosting;

/// <summary>
/// Where the admin API listens ("" = off). A request is an admin request only when its connection was
/// accepted by the admin listener's own socket: that socket marks each of its connections, so neither the
/// Host header nor an absolute-form request target can steer a request on a public listener to the admin
/// API (and the admin listener never serves routes). The same holds for port 0 and for host names.
/// </summary>
internal sealed class AdminListener(string? url)
{
    private readonly List<ListenOptions> _sockets = [];

    /// <summary>The configured admin URL; null or "" when the admin API is off.</summary>
    public string? Url { get; } = url;

    /// <summary>Whether the admin API is on.</summary>
    public bool Enabled => Url is { Length: > 0 };

    /// <summary>The admin sockets' addresses; after the server started these carry the real port (also for port 0).</summary>
    public IReadOnlyList<EndPoint> EndPoints => [.. _sockets.Select(s => s.EndPoint)];

    /// <summary>Whether the request arrived on a connection accepted by the admin listener.</summary>
    public static bool IsAdminRequest(HttpContext context) => context.Features.Get<AdminConnection>() is not null;

    /// <summary>Makes a Kestrel socket an admin socket: every connection it accepts carries the admin marker.</summary>
    public void Attach(ListenOptions socket)
    {
        _sockets.Add(socket);
        socket.Use(next => connection =>
        {
            // Connection features are visible to each request on the connection (HTTP/1.1 and HTTP/2).
            connection.Features.Set(AdminConnection.Instance);
            return next(connection);
        });
    }

    /// <summary>
    /// For sockets Kestrel creates from URLs (UseUrls): marks the one at the admin URL's address. Called for
    /// every socket before it binds, while its address still reads as configured (port 0 included).
    /// </summary>
    public void AttachIfAdminSocket(ListenOptions socket)
    {
        if (Enabled && SameSocket(socket.EndPoint, SocketOf(Url!)))
        {
            Attach(socket);
        }
    }

    /// <summary>
    /// Refuses host URLs that would be the admin socket itself (one socket cannot be both public and admin;
    /// two port-0 sockets on one address could not be told apart before they bind).
    /// </summary>
    public void EnsureOwnSocket(IEnumerable<string> hostUrls)
    {
        var admin = SocketOf(Url!);
        if (hostUrls.FirstOrDefault(u => SameSocket(SocketOf(u), admin)) is { } clash)
        {
            throw new InvalidOperationException($"admin.url '{Url}' and the host URL '{clash}' are the same socket: give the admin API an address of its own");
        }
    }

    /// <summary>The socket address Kestrel binds for a URL: loopback for localhost names, the IP, or all interfaces.</summary>
    private static EndPoint SocketOf(string url)
    {
        var address = BindingAddress.Parse(url);
        if (address.IsUnixPipe)
        {
            return new UnixDomainSocketEndPoint(address.UnixPipePath);
        }

        return LoopbackHost.IsLocalhostName(address.Host) ? new IPEndPoint(IPAddress.Loopback, address.Port)
            : IPAddress.TryParse(address.Host, out var ip) ? new IPEndPoint(ip, address.Port)
            : new IPEndPoint(IPAddress.IPv6Any, address.Port);
    }

    private static bool SameSocket(EndPoint a, EndPoint b) =>
        a.Equals(b) || (a.GetType() == b.GetType() && a.ToString() == b.ToString());

    /// <summary>Reads the admin URL from the raw configuration (before the full load; validation comes later).</summary>
    public static AdminListener From(IConfiguration configuration) =>
        new(configuration["Gateway:admin:url"] ?? AdminConfig.DefaultUrl);

    /// <summary>The marker a connection accepted by the admin socket carries; nothing a client sends can set it.</summary>
    private sealed class AdminConnection
    {
        public static readonly AdminConnection Instance = new();
    }
}
