using System.Diagnostics;
using System.Net.Sockets;

namespace AgentGateway.Tests.Infrastructure;

/// <summary>A real redis-server on a free loopback port, no persistence; killed on dispose.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static bool IsInstalled => FindBinary() is not null;

    public static async Task<RedisServer> StartAsync(int? port = null)
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "redis-server is not installed; install it (apt-get install -y redis-server) — .ci/run does.");
        var p = port ?? FreePort.Next();
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", p.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", p);
                return new RedisServer(process, p);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"redis-server did not start on port {p}");
    }

    /// <summary>Kills the server (to simulate an outage); <see cref="StartAsync"/> with the same port brings it back.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts a fresh (empty) server on the same port after <see cref="StopAsync"/>, as a restarted Redis would be.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        var fresh = await StartAsync(Port);
        _process.Dispose();
        _process = fresh._process;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, "redis-server"))
            .FirstOrDefault(File.Exists);
}
