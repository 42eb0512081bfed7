namespace AgentGateway.Bench;

/// <summary>A server the load is sent to: its URL, extra headers, and the process to read memory from.</summary>
internal sealed record Contender(string Name, string Url, IDictionary<string, string> Headers, Proc? Process)
{
    public string? Script { get; set; }
}

/// <summary>Starts the servers of the LLM benchmark on loopback.</summary>
internal static class Servers
{
    /// <summary>Bare YARP (bench/BareYarp) on a free loopback port in front of <paramref name="upstream"/>: the floor for a .NET reverse proxy.</summary>
    public static async Task<(Proc Process, string Url)> BareYarpAsync(string root, string upstream)
    {
        var port = Proc.FreePort();
        var yarp = Proc.Start("bare-yarp", "dotnet",
            [Path.Combine(root, "bench/BareYarp/bin/Release/net10.0/BareYarp.dll"), "--urls", $"http://127.0.0.1:{port}", "--upstream", upstream]);
        await yarp.WaitForPortAsync(port);
        return (yarp, $"http://127.0.0.1:{port}");
    }

    public static async Task<Proc> NginxAsync(string workDir, string name, string serverBlock)
    {
        var dir = Directory.CreateDirectory(Path.Combine(workDir, name)).FullName;
        Directory.CreateDirectory(Path.Combine(dir, "logs"));
        var conf = Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(conf, $$"""
            worker_processes 1;
            daemon off;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/logs/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{dir}}/body;
              proxy_temp_path {{dir}}/proxy;
              {{serverBlock}}
            }
            """);
        return Proc.Start(name, "nginx", ["-p", dir, "-c", conf]);
    }

    public static string UpstreamBlock(int port) => $$"""
        server {
          listen 127.0.0.1:{{port}} reuseport;
          keepalive_requests 1000000;
          location / {
            default_type application/json;
            return 200 '{{Payloads.ChatResponse}}';
          }
        }
        """;

    public static string ProxyBlock(int port, int upstreamPort) => $$"""
        upstream llm { server 127.0.0.1:{{upstreamPort}}; keepalive 64; }
        server {
          listen 127.0.0.1:{{port}};
          keepalive_requests 1000000;
          location / {
            proxy_pass http://llm;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
          }
        }
        """;
}
