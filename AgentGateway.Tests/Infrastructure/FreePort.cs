using System.Net;
using System.Net.Sockets;

namespace AgentGateway.Tests.Infrastructure;

/// <summary>Finds a free loopback TCP port (bind to 0, read, release).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
