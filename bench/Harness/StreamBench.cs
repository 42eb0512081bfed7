using System.Diagnostics;
using System.Text;

namespace AgentGateway.Bench;

/// <summary>
/// LLM streaming: time to first token and total stream time through the gateway vs direct to the mock model server
/// (samples/MockLlm), for passthrough (OpenAI client → OpenAI-shaped upstream) and translation (OpenAI client →
/// Anthropic-shaped upstream; its direct baseline is the same answer streamed by the upstream's Anthropic endpoint).
/// Requests are sequential and alternate gateway/direct so drift hits both sides alike.
/// </summary>
internal static class StreamBench
{
    // 64 words: the mock echoes the last user message word by word, so every stream has 64 content chunks.
    private static readonly string Prompt = string.Join(' ', Enumerable.Range(1, 64).Select(i => $"word{i}"));

    public static async Task RunAsync(string root, string work, BenchOptions options, Report report)
    {
        var mockPort = Proc.FreePort();
        using var mock = Proc.Start("mock-llm", "dotnet",
            [Path.Combine(root, "samples/MockLlm/bin/Release/net10.0/MockLlm.dll"), "--urls", $"http://127.0.0.1:{mockPort}"],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" });
        await mock.WaitForPortAsync(mockPort);
        var mockUrl = $"http://127.0.0.1:{mockPort}";

        var gatewayPort = Proc.FreePort();
        var config = Path.Combine(work, "gateway-stream.yaml");
        await File.WriteAllTextAsync(config, $$"""
            admin: { url: "" }
            routes: [{ name: llm, path: /v1, llm: models }]
            llm:
              models:
                providers:
                  - { name: openai, type: openai-compatible, baseUrl: "{{mockUrl}}/v1", apiKey: sk-upstream, models: [mock-gpt] }
                  - { name: claude, type: anthropic, baseUrl: "{{mockUrl}}", apiKey: sk-upstream, models: [mock-claude] }
            """);
        using var gateway = GatewayProcess.Start(root, config, gatewayPort);
        await gateway.WaitForPortAsync(gatewayPort);
        var gw = $"http://127.0.0.1:{gatewayPort}/v1/chat/completions";

        // The floor for any .NET reverse proxy: bare YARP in front of the same upstream, timed in the same rotation.
        var (yarp, yarpUrl) = await Servers.BareYarpAsync(root, mockUrl);
        using var yarpProcess = yarp;

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var openAiBody = OpenAiBody("mock-gpt");
        var cases = new[]
        {
            ("passthrough (OpenAI → OpenAI-shaped upstream)", new Stream(gw, openAiBody, false), new Stream($"{mockUrl}/v1/chat/completions", openAiBody, false),
                (Stream?)new Stream($"{yarpUrl}/v1/chat/completions", openAiBody, false)),
            ("translation (OpenAI client → Anthropic-shaped upstream)", new Stream(gw, OpenAiBody("mock-claude"), false), new Stream($"{mockUrl}/v1/messages", AnthropicBody(), true), null),
        };
        var requests = Math.Max(50, options.Seconds * 20);
        var rows = new List<string[]>();
        var goals = new[] { ("LLM stream added TTFT, passthrough", 0.3), ("LLM stream added TTFT, translation", 1.0) };
        foreach (var ((name, viaGateway, direct, viaYarp), (goalName, goal)) in cases.Zip(goals))
        {
            // Warm-up for --warmup seconds (at least 10 requests): 10 alone left the stream path in tier-0 JIT code,
            // so the first timed requests measured the JIT rather than the gateway.
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < 10 || warm.Elapsed.TotalSeconds < options.Warmup; i++)
            {
                await viaGateway.TimeAsync(client);
                await direct.TimeAsync(client);
                if (viaYarp is not null)
                {
                    await viaYarp.TimeAsync(client);
                }
            }

            var g = new List<(double Ttft, double Total)>();
            var d = new List<(double Ttft, double Total)>();
            var y = new List<(double Ttft, double Total)>();
            for (var i = 0; i < requests; i++)
            {
                g.Add(await viaGateway.TimeAsync(client));
                d.Add(await direct.TimeAsync(client));
                if (viaYarp is not null)
                {
                    y.Add(await viaYarp.TimeAsync(client));
                }
            }

            rows.Add(Row(name, d, g));
            if (y.Count > 0)
            {
                rows.Add(Row("passthrough through bare YARP (the floor for a .NET proxy)", d, y));
            }

            var added = Median(g, ttft: true) - Median(d, ttft: true);
            var floor = y.Count > 0 ? $"; bare YARP {Median(y, ttft: true) - Median(d, ttft: true):+0.000;-0.000} ms" : "";
            report.Target(goalName, $"≤ {goal} ms over direct", $"{added:0.000} ms{floor}", added <= goal);
        }

        report.Table($"LLM streaming, 64 content chunks per answer: median of {requests} sequential requests each (ms)",
            ["case", "direct TTFT", "proxied TTFT", "added TTFT", "direct total", "proxied total", "added total"], rows);
    }

    private static double Median(List<(double Ttft, double Total)> xs, bool ttft) => Compare.Median(xs.Select(x => ttft ? x.Ttft : x.Total).ToList());

    private static string[] Row(string name, List<(double Ttft, double Total)> direct, List<(double Ttft, double Total)> via) =>
    [
        name, $"{Median(direct, true):0.000}", $"{Median(via, true):0.000}", $"{Median(via, true) - Median(direct, true):+0.000;-0.000}",
        $"{Median(direct, false):0.000}", $"{Median(via, false):0.000}", $"{Median(via, false) - Median(direct, false):+0.000;-0.000}",
    ];

    private static string OpenAiBody(string model) =>
        $$"""{"model":"{{model}}","stream":true,"messages":[{"role":"user","content":"{{Prompt}}"}],"max_tokens":256}""";

    private static string AnthropicBody() =>
        $$"""{"model":"mock-claude","stream":true,"max_tokens":256,"messages":[{"role":"user","content":"{{Prompt}}"}]}""";

    /// <summary>One streaming request: TTFT is the first event carrying answer text, total is the end of the stream.</summary>
    private sealed record Stream(string Url, string Body, bool Anthropic)
    {
        public async Task<(double Ttft, double Total)> TimeAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
            request.Headers.Add(Anthropic ? "x-api-key" : "Authorization", Anthropic ? "sk-bench" : "Bearer sk-bench");
            request.Headers.Add("anthropic-version", "2023-06-01");
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{Url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            double ttft = -1;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("data:", StringComparison.Ordinal) && HasText(line))
                {
                    ttft = ttft < 0 ? clock.Elapsed.TotalMilliseconds : ttft;
                }
            }

            var total = clock.Elapsed.TotalMilliseconds;
            if (ttft < 0)
            {
                throw new InvalidOperationException($"{Url} streamed no answer text");
            }

            return (ttft, total);
        }

        private bool HasText(string line) => Anthropic
            ? line.Contains("\"text_delta\"", StringComparison.Ordinal)
            : line.Contains("\"content\":\"word", StringComparison.Ordinal);
    }
}
