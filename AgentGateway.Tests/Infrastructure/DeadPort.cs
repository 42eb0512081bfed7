using System.Net;
using System.Net.Sockets;

namespace AgentGateway.Tests.Infrastructure;

/// <summary>
/// A loopback port that refuses connections for as long as this lives: bound but never listening, so no other test
/// running in parallel can take it and answer (a port from <see cref="FreePort"/> is free only until someone binds it).
/// </summary>
public sealed class DeadPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public DeadPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:port, for a destination that is down.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    public void Dispose() => _socket.Dispose();
}
