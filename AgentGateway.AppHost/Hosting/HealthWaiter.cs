using System.Net.Sockets;
using System.Text;

namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// Polls a started resource until it is healthy: GET on its HTTP health path (2xx), AUTH+PING for
/// Redis, or nothing at all for resources without a check. Gives up when the process exits,
/// the timeout passes or the caller cancels.
/// </summary>
internal sealed class HealthWaiter(HttpClient http, TimeSpan timeout)
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(200);

    public async Task<bool> WaitAsync(Resource resource, Task processExited, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (!processExited.IsCompleted)
        {
            if (deadline.IsCancellationRequested)
            {
                ct.ThrowIfCancellationRequested();
                return false;
            }

            if (await ProbeAsync(resource, deadline.Token))
            {
                return true;
            }

            // WhenAny never throws, so a cancelled delay simply ends the wait and the loop re-checks.
            await Task.WhenAny(processExited, Task.Delay(s_interval, deadline.Token));
        }

        return false;
    }

    internal async Task<bool> ProbeAsync(Resource resource, CancellationToken ct)
    {
        try
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
            attempt.CancelAfter(TimeSpan.FromSeconds(2));
            return resource switch
            {
                RedisResource redis => await ProbeRedisAsync(redis, attempt.Token),
                { HealthCheckPath: { } path } => await ProbeHttpAsync(resource, path, attempt.Token),
                _ => true,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> ProbeHttpAsync(Resource resource, string path, CancellationToken ct)
    {
        var url = resource.GetEndpoint()?.Url ?? throw new InvalidOperationException($"'{resource.Name}' has no http endpoint.");
        using var response = await http.GetAsync(new Uri(url, path), ct);
        return response.IsSuccessStatusCode;
    }

    private static async Task<bool> ProbeRedisAsync(RedisResource redis, CancellationToken ct)
    {
        var port = redis.GetEndpoint("tcp")!.AllocatedPort!.Value;
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        // Inline commands are fine: the password is hex, so it has no spaces or quotes.
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {redis.Password}\r\nPING\r\n"), ct);
        var buffer = new byte[256];
        var received = new StringBuilder();
        while (!received.ToString().Contains("+PONG", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, ct);
            if (n == 0)
            {
                return false;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
            if (received.ToString().Contains("-ERR", StringComparison.Ordinal) ||
                received.ToString().Contains("-WRONGPASS", StringComparison.Ordinal) ||
                received.ToString().Contains("-LOADING", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
