using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentGateway.Bench;

/// <summary>
/// MCP over Streamable HTTP: tools/call through the gateway vs direct to the upstream, federated tools/list over
/// 10 targets, the gateway fronting a stdio server vs supergateway fronting the same one, and the memory cost of
/// 1,000 open idle sessions.
/// </summary>
internal static partial class McpBench
{
    private const int IdleSessions = 1000;

    [GeneratedRegex("\"name\":\"([^\"]*get_forecast)\"")]
    private static partial Regex ForecastTool();

    public static async Task RunAsync(string root, string work, BenchOptions options, Report report)
    {
        var weatherPort = Proc.FreePort();
        using var weather = McpServers.StartWeather(root, weatherPort);
        await weather.WaitForPortAsync(weatherPort);
        var weatherUrl = $"http://127.0.0.1:{weatherPort}/mcp";

        var withStdio = options.Peers && McpServers.PeersInstalled(root);
        var gatewayPort = Proc.FreePort();
        var config = Path.Combine(work, "gateway-mcp.yaml");
        await File.WriteAllTextAsync(config, McpServers.GatewayConfig(root, weatherUrl, withStdio));
        using var gateway = GatewayProcess.Start(root, config, gatewayPort);
        await gateway.WaitForPortAsync(gatewayPort);
        var gatewayUrl = $"http://127.0.0.1:{gatewayPort}";

        var forecast = McpRaw.ToolCall("get_forecast", """{"city":"Lisbon","days":3}""");
        var direct = await McpTarget.OpenAsync(work, "direct (weather server)", weatherUrl, forecast);
        var (yarp, yarpUrl) = await Servers.BareYarpAsync(root, $"http://127.0.0.1:{weatherPort}");
        using var yarpProcess = yarp;
        var viaYarp = await McpTarget.OpenAsync(work, "bare YARP (the floor for a .NET proxy)", $"{yarpUrl}/mcp", forecast);
        var viaGateway = await McpTarget.OpenAsync(work, "AgentGateway", $"{gatewayUrl}/mcp", await ForecastCallAsync($"{gatewayUrl}/mcp"));

        await IdleSessionsAsync(gateway, $"{gatewayUrl}/mcp", report);

        var call = await CompareAsync("MCP tools/call (get_forecast) on a Streamable HTTP upstream", viaGateway, direct, options, report, viaYarp);
        report.Target("MCP call RPS", "≥ 0.7× direct", $"{call.Ratio}; bare YARP {call.Floor?.ToString() ?? "not run"}", call.Ratio.Median >= 0.7);
        report.Target("MCP call added p50", "≤ 0.5 ms over direct", $"{call.AddedP50:0.000} ms", call.AddedP50 <= 0.5);

        await FederatedListAsync(work, weatherUrl, $"{gatewayUrl}/fed", options, report);

        if (!withStdio)
        {
            report.Line("supergateway / server-everything not installed (bench/peers) or --no-peers: stdio bridge comparison skipped.");
            return;
        }

        var superPort = Proc.FreePort();
        using var supergateway = McpServers.StartSupergateway(root, superPort);
        await supergateway.WaitForPortAsync(superPort);
        var echo = McpRaw.ToolCall("echo", """{"message":"hello from the benchmark"}""");
        var superTarget = await McpTarget.OpenAsync(work, "supergateway 4.0.0 (Node 22)", $"http://127.0.0.1:{superPort}/mcp", echo);
        var stdioTarget = await McpTarget.OpenAsync(work, "AgentGateway (stdio target)", $"{gatewayUrl}/stdio", echo);
        await CompareAsync("MCP tools/call (echo) on server-everything over stdio: gateway vs supergateway", stdioTarget, superTarget, options, report);
    }

    /// <summary>The get_forecast call for <paramref name="url"/> (also used by <see cref="McpLoadBench"/>).</summary>
    public static async Task<string> ForecastCallAsync(string url)
    {
        // The gateway may prefix tool names with the target name; ask it rather than assume.
        using var client = new HttpClient();
        var session = await McpRaw.InitializeAsync(client, url);
        var (_, list) = await McpRaw.SendAsync(client, url, session, McpRaw.ToolsList);
        var name = ForecastTool().Match(list) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no get_forecast tool at {url}: {list}");
        return McpRaw.ToolCall(name, """{"city":"Lisbon","days":3}""");
    }

    private static async Task IdleSessionsAsync(Proc gateway, string url, Report report)
    {
        GatewayProcess.Settle();
        var before = gateway.RssMb();
        await McpRaw.OpenSessionsAsync(url, IdleSessions, listTools: false);
        await Task.Delay(3000);
        var after = gateway.RssMb();
        report.Table($"Gateway memory with {IdleSessions} open idle MCP sessions (RSS)", ["state", "MB"],
            [["before (started, a few calls)", $"{before:0.0}"], [$"{IdleSessions} sessions open, 3 s later", $"{after:0.0}"], ["delta", $"{after - before:+0.0;-0.0}"]]);
        report.Target($"{IdleSessions} idle MCP sessions", "≤ +40 MB RSS", $"{after - before:+0.0;-0.0} MB", after - before <= 40);
    }

    /// <summary>
    /// A full tools/list (every page) over 10 federated targets vs one tools/list on one server direct: .NET closed-loop
    /// clients on both sides (16 workers) since a paged list is several requests, then latency at a fixed rate.
    /// </summary>
    private static async Task FederatedListAsync(string work, string weatherUrl, string fedUrl, BenchOptions options, Report report)
    {
        var direct = await McpTarget.OpenAsync(work, "direct (one weather server)", weatherUrl, McpRaw.ToolsList);
        var fed = await McpTarget.OpenAsync(work, $"AgentGateway ({McpServers.FederatedTargets} targets)", fedUrl, McpRaw.ToolsList);
        using (var check = new HttpClient())
        {
            var (ok, pages, all) = await McpRaw.ListAllToolsAsync(check, fed.Url, fed.SessionId);
            if (!ok || !all.Contains($"w{McpServers.FederatedTargets}_", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the federated tools/list ({pages} pages) does not list target w{McpServers.FederatedTargets}'s tools");
            }

            report.Line($"Federated tools/list: {pages} page(s) for {McpServers.FederatedTargets} targets (one answer holds the whole merged list, from each target's cached list).");
        }

        async Task<bool> ListFed(HttpClient c) => (await McpRaw.ListAllToolsAsync(c, fed.Url, fed.SessionId)).Ok;
        async Task<bool> ListDirect(HttpClient c) => (await direct.SendAsync(c)).Ok;
        await Load.WarmUpAsync(s => Load.ClosedLoopAsync(ListFed, 16, s), options.Warmup);
        await Load.WarmUpAsync(s => Load.ClosedLoopAsync(ListDirect, 16, s), options.Warmup);
        var ratio = await Compare.AlternateAsync(() => Load.ClosedLoopAsync(ListFed, 16, options.Seconds), () => Load.ClosedLoopAsync(ListDirect, 16, options.Seconds), options.Pairs);
        var rate = Math.Max(10, (int)Math.Min(options.Rate, Math.Min(ratio.AValue, ratio.BValue) / 2));
        var (d50, d99, dErr) = await Load.FixedRateAsync(ListDirect, rate, options.Seconds * 2);
        var (f50, f99, fErr) = await Load.FixedRateAsync(ListFed, rate, options.Seconds * 2);
        report.Table($"MCP tools/list: complete federated list over {McpServers.FederatedTargets} targets vs one server direct (lists/s with 16 clients; ms at a fixed {rate} lists/s)",
            ["server", "lists/s (median)", "p50 ms", "p99 ms", "errors"],
            [[direct.Name, $"{ratio.BValue:0}", $"{d50:0.000}", $"{d99:0.000}", $"{dErr}"],
             [fed.Name, $"{ratio.AValue:0}", $"{f50:0.000}", $"{f99:0.000}", $"{fErr}"],
             ["gateway / direct", ratio.ToString(), $"{f50 - d50:+0.000;-0.000} ms", "", ""]]);
        report.Target($"Federated tools/list ({McpServers.FederatedTargets} targets) vs one server direct", "≥ 0.5× lists/s", ratio.ToString(), ratio.Median >= 0.5);
        report.Target($"Federated tools/list ({McpServers.FederatedTargets} targets) added p50", "≤ 1 ms over direct", $"{f50 - d50:0.000} ms", f50 - d50 <= 1.0);
    }

    private sealed record Outcome(Compare.Ratio Ratio, double AddedP50, Compare.Ratio? Floor);

    /// <summary>
    /// Throughput A/B pairs with wrk, then latency of both at a rate the slower one sustains (half its RPS, at most --rate).
    /// With a <paramref name="floor"/> (bare YARP in front of the baseline) its own A/B pairs against the baseline run
    /// in the same section, so the gateway's ratio can be read against what any .NET proxy reaches on this machine.
    /// </summary>
    private static async Task<Outcome> CompareAsync(string title, McpTarget gateway, McpTarget baseline, BenchOptions options, Report report, McpTarget? floor = null)
    {
        var ratio = await RatioAsync(gateway, baseline, options);
        var floorRatio = floor is null ? null : await RatioAsync(floor, baseline, options);
        var rate = Math.Max(10, (int)Math.Min(options.Rate, Math.Min(ratio.AValue, ratio.BValue) / 2));
        var rows = new List<string[]>();
        var p50 = new Dictionary<McpTarget, double>();
        foreach (var target in floor is null ? new[] { baseline, gateway } : [baseline, gateway, floor])
        {
            var (l50, l99, errors) = await Load.FixedRateAsync(async client => (await target.SendAsync(client)).Ok, rate, options.Seconds * 2);
            p50[target] = l50;
            var rps = target == gateway ? ratio.AValue : target == floor ? floorRatio!.AValue : ratio.BValue;
            rows.Add([target.Name, $"{rps:0}", $"{l50:0.000}", $"{l99:0.000}", errors.ToString(CultureInfo.InvariantCulture)]);
        }

        rows.Add(["gateway / baseline", ratio.ToString(), $"{p50[gateway] - p50[baseline]:+0.000;-0.000} ms", "", ""]);
        if (floor is not null)
        {
            rows.Add(["bare YARP / baseline", floorRatio!.ToString(), $"{p50[floor] - p50[baseline]:+0.000;-0.000} ms", "", ""]);
        }

        report.Table($"{title} (RPS at 32 connections; latency in ms at a fixed {rate} req/s)",
            ["server", "RPS (median)", "p50 ms", "p99 ms", "errors"], rows);
        return new Outcome(ratio, p50[gateway] - p50[baseline], floorRatio);
    }

    private static async Task<Compare.Ratio> RatioAsync(McpTarget proxy, McpTarget baseline, BenchOptions options)
    {
        await Load.WarmUpAsync(s => Load.WrkRpsAsync(proxy.Url, proxy.WrkScript, 32, s), options.Warmup);
        await Load.WarmUpAsync(s => Load.WrkRpsAsync(baseline.Url, baseline.WrkScript, 32, s), options.Warmup);
        return await Compare.AlternateAsync(
            () => Load.WrkRpsAsync(proxy.Url, proxy.WrkScript, 32, options.Seconds),
            () => Load.WrkRpsAsync(baseline.Url, baseline.WrkScript, 32, options.Seconds),
            options.Pairs);
    }
}
