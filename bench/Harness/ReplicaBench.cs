using System.Globalization;

namespace AgentGateway.Bench;

/// <summary>
/// The memory cost of 1,000 idle MCP sessions on 3 replicas sharing Redis behind a round-robin front (a gateway
/// process with one http route, as the AppHost's <c>--replicas</c> runs it). Each session's initialize,
/// notifications/initialized and tools/list land on three different replicas, so every replica holds a copy of
/// every session: the worst case for a front without stickiness. Reported per replica (RSS) and for Redis.
/// </summary>
internal static class ReplicaBench
{
    private const int Replicas = 3;
    private const int Sessions = 1000;

    public static async Task RunAsync(string root, string work, Report report)
    {
        if (!File.Exists("/usr/bin/redis-server"))
        {
            report.Line("redis-server not installed (apt-get install -y redis-server): replicas section skipped.");
            return;
        }

        var weatherPort = Proc.FreePort();
        using var weather = McpServers.StartWeather(root, weatherPort);
        var redisPort = Proc.FreePort();
        using var redis = Proc.Start("redis", "redis-server", ["--port", Port(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        await weather.WaitForPortAsync(weatherPort);
        await redis.WaitForPortAsync(redisPort);

        var config = Path.Combine(work, "gateway-replicas.yaml");
        await File.WriteAllTextAsync(config, $$"""
            routes: [{ name: tools, path: /mcp, mcp: tools }]
            mcp: { tools: { targets: [{ name: weather, url: "http://127.0.0.1:{{weatherPort}}/mcp" }] } }
            sessions: { store: redis }
            """);
        var ports = Enumerable.Range(0, Replicas).Select(_ => Proc.FreePort()).ToList();
        var adminPorts = Enumerable.Range(0, Replicas).Select(_ => Proc.FreePort()).ToList();
        var replicas = ports.Select((port, i) => GatewayProcess.Start(root, config, port, $"replica-{i}", new Dictionary<string, string>
        {
            ["ConnectionStrings__redis"] = $"127.0.0.1:{redisPort}",
            ["Gateway__admin__url"] = $"http://127.0.0.1:{adminPorts[i]}",
        })).ToList();
        try
        {
            foreach (var (replica, port) in replicas.Zip(ports))
            {
                await replica.WaitForPortAsync(port);
            }

            var frontConfig = Path.Combine(work, "gateway-front.yaml");
            await File.WriteAllTextAsync(frontConfig, $$"""
                routes: [{ name: front, path: /, http: replicas }]
                http: { replicas: { destinations: [{{string.Join(", ", ports.Select(p => $"\"http://127.0.0.1:{p}\""))}}] } }
                """);
            var frontPort = Proc.FreePort();
            using var front = GatewayProcess.Start(root, frontConfig, frontPort, "front", new Dictionary<string, string> { ["Gateway__admin__url"] = "" });
            await front.WaitForPortAsync(frontPort);
            var url = $"http://127.0.0.1:{frontPort}/mcp";
            await McpRaw.OpenSessionsAsync(url, 10, listTools: true); // warm-up: JIT, upstream connections, Redis connections on every replica

            GatewayProcess.Settle();
            var before = replicas.Select(r => r.RssMb()).ToList();
            var heldBefore = 0L;
            foreach (var admin in adminPorts)
            {
                heldBefore += await ActiveSessionsAsync(admin);
            }

            var redisBefore = await RedisUsedMbAsync(redisPort);
            await McpRaw.OpenSessionsAsync(url, Sessions, listTools: true);
            await Task.Delay(3000);
            var after = replicas.Select(r => r.RssMb()).ToList();
            var redisAfter = await RedisUsedMbAsync(redisPort);
            var held = new List<long>();
            foreach (var admin in adminPorts)
            {
                held.Add(await ActiveSessionsAsync(admin));
            }

            var rows = replicas.Select((r, i) => new[] { r.Name, $"{held[i]}", $"{before[i]:0.0}", $"{after[i]:0.0}", $"{after[i] - before[i]:+0.0;-0.0}" }).ToList();
            rows.Add(["Redis (used_memory)", $"{Sessions + 10} records", $"{redisBefore:0.0}", $"{redisAfter:0.0}", $"{redisAfter - redisBefore:+0.0;-0.0}"]);
            var total = after.Sum() - before.Sum() + redisAfter - redisBefore;
            rows.Add(["all replicas + Redis", "", $"{before.Sum() + redisBefore:0.0}", $"{after.Sum() + redisAfter:0.0}", $"{total:+0.0;-0.0}"]);
            report.Table($"Memory of {Sessions} idle MCP sessions on {Replicas} replicas + Redis behind a round-robin front (MB)",
                ["process", "sessions held (agentgateway_mcp_sessions_active)", "before", $"{Sessions} sessions open, 3 s later", "delta"], rows);
            var copies = held.Sum() - heldBefore; // the warm-up sessions were held before the "before" reading
            report.Line($"Per idle session copy on a replica: {(after.Sum() - before.Sum()) * 1024 / Math.Max(1, copies):0.0} KB ({copies} copies of {Sessions} sessions); " +
                        $"in Redis: {(redisAfter - redisBefore) * 1024 / Sessions:0.0} KB per session.");
            report.Target($"{Sessions} idle MCP sessions across {Replicas} replicas", "≤ +50 MB RSS per replica",
                $"{after.Zip(before).Max(p => p.First - p.Second):+0.0;-0.0} MB (largest replica)", after.Zip(before).All(p => p.First - p.Second <= 50));
        }
        finally
        {
            replicas.ForEach(r => r.Dispose());
        }
    }

    /// <summary>The replica's <c>agentgateway_mcp_sessions_active</c> gauge (sessions it holds, summed over backends).</summary>
    private static async Task<long> ActiveSessionsAsync(int adminPort)
    {
        using var client = new HttpClient();
        var metrics = await client.GetStringAsync(new Uri($"http://127.0.0.1:{adminPort}/metrics"));
        return metrics.Split('\n').Where(l => l.StartsWith("agentgateway_mcp_sessions_active", StringComparison.Ordinal) && !l.StartsWith('#'))
            .Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static async Task<double> RedisUsedMbAsync(int port)
    {
        var info = await Proc.RunAsync("redis-cli", "-p", Port(port), "info", "memory");
        var line = info.Split('\n').First(l => l.StartsWith("used_memory:", StringComparison.Ordinal));
        return long.Parse(line["used_memory:".Length..].Trim(), CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
