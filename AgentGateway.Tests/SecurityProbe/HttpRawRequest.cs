using System.Net.Sockets;
using System.Text;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// Sends one HTTP/1.1 request over a plain socket with the request target exactly as written. HttpClient cannot
/// probe path handling: its <see cref="Uri"/> resolves <c>/./</c> and <c>/../</c> and unescapes <c>%61</c> before sending.
/// </summary>
internal static class HttpRawRequest
{
    public static async Task<(int Status, string Response)> SendAsync(Uri gateway, string target, CancellationToken ct,
        string method = "GET", params string[] headers)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.Host, gateway.Port, ct);
        await using var stream = tcp.GetStream();
        var request = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {gateway.Authority}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        // Latin-1 so a test can put any byte on the wire.
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.Append("\r\n").ToString()), ct);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var response = await reader.ReadToEndAsync(ct);
        var statusLine = response.Split("\r\n", 2)[0];
        var parts = statusLine.Split(' ');
        return (parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0, response);
    }
}
