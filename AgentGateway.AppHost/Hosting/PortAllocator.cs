using System.Net;
using System.Net.Sockets;

namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// Hands out free loopback ports: asks the OS for an ephemeral one and remembers what it gave, so two
/// endpoints of one app never get the same port even if neither has bound it yet.
/// </summary>
internal sealed class PortAllocator
{
    private readonly HashSet<int> _given = [];
    private readonly Lock _lock = new();

    public int Allocate()
    {
        lock (_lock)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = ProbeFreePort();
                if (_given.Add(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException("Could not find a free loopback port.");
        }
    }

    /// <summary>Uses <paramref name="preferred"/> when nothing listens there, otherwise a free port.</summary>
    public int AllocatePreferred(int preferred)
    {
        lock (_lock)
        {
            if (preferred > 0 && !_given.Contains(preferred) && IsFree(preferred))
            {
                _given.Add(preferred);
                return preferred;
            }
        }

        return Allocate();
    }

    /// <summary>Records a port fixed by configuration so it is never handed out again.</summary>
    public void Reserve(int port)
    {
        lock (_lock)
        {
            _given.Add(port);
        }
    }

    internal static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int ProbeFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
