using System.Diagnostics;
using System.Text;

namespace AgentGateway.Bench;

/// <summary>
/// LLM streaming: time to first token and total stream time through the gateway vs direct to the mock model server
/// (samples/MockLlm), for passthrough (OpenAI client → OpenAI-shaped upstream) and translation (OpenAI client →
/// Anthropic-shaped upstream; its direct baseline is the same answer streamed by the upstream's Anthropic endpoint).
/// Requests are sequential and every case (gateway, bare YARP, each with its direct baseline) is timed in one rotation, so drift hits all alike.
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
        var passthrough = new Case("passthrough (OpenAI → OpenAI-shaped upstream)", new Stream(gw, openAiBody, false), new Stream($"{mockUrl}/v1/chat/completions", openAiBody, false));
        var bareYarp = new Case("passthrough through bare YARP (the floor for a .NET proxy)", new Stream($"{yarpUrl}/v1/chat/completions", openAiBody, false), passthrough.Direct);
        var translation = new Case("translation (OpenAI client → Anthropic-shaped upstream)", new Stream(gw, OpenAiBody("mock-claude"), false), new Stream($"{mockUrl}/v1/messages", AnthropicBody(), true));
        Case[] cases = [passthrough, bareYarp, translation];

        // Warm-up: every case in one rotation, for at least WarmupRotations and --warmup seconds. Sequential streams
        // are slow to reach tiered JIT's steady state: from a fresh start, each process's added TTFT kept falling for
        // ~1,500 rotations (~12 s here), so a warm-up by time alone timed the case that came first in tier-0 code and
        // made it look slower than the cases after it.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < WarmupRotations || warm.Elapsed.TotalSeconds < options.Warmup; i++)
        {
            foreach (var c in cases)
            {
                await c.TimeAsync(client, record: false);
            }
        }

        // Timed: the same rotation, so drift hits every case alike.
        var requests = Math.Max(50, options.Seconds * 20);
        for (var i = 0; i < requests; i++)
        {
            foreach (var c in cases)
            {
                await c.TimeAsync(client, record: true);
            }
        }

        var (added, yarpAdded, translated) = (passthrough.Added(ttft: true), bareYarp.Added(ttft: true), translation.Added(ttft: true));
        report.Target("LLM stream added TTFT, passthrough", "≤ 0.3 ms over direct", $"{added:0.000} ms; bare YARP {yarpAdded:+0.000;-0.000} ms", added <= 0.3);
        report.Target("LLM stream added TTFT, translation", "≤ 1 ms over direct", $"{translated:0.000} ms", translated <= 1.0);
        report.Table($"LLM streaming, 64 content chunks per answer: median of {requests} sequential requests each, after {WarmupRotations:N0}+ warm-up rotations (ms)",
            ["case", "direct TTFT", "proxied TTFT", "added TTFT", "direct total", "proxied total", "added total"], cases.Select(c => c.Row()).ToList());
    }

    // Measured (2026-12-06, fresh processes, quiet machine): the added TTFT settled after ~1,500 rotations.
    private const int WarmupRotations = 2000;

    /// <summary>One proxied stream and its direct baseline, timed back to back.</summary>
    private sealed record Case(string Name, Stream Via, Stream Direct)
    {
        private readonly List<(double Ttft, double Total)> _via = [];
        private readonly List<(double Ttft, double Total)> _direct = [];

        public async Task TimeAsync(HttpClient client, bool record)
        {
            var via = await Via.TimeAsync(client);
            var direct = await Direct.TimeAsync(client);
            if (record)
            {
                _via.Add(via);
                _direct.Add(direct);
            }
        }

        public double Added(bool ttft) => Median(_via, ttft) - Median(_direct, ttft);

        public string[] Row() =>
        [
            Name, $"{Median(_direct, true):0.000}", $"{Median(_via, true):0.000}", $"{Added(true):+0.000;-0.000}",
            $"{Median(_direct, false):0.000}", $"{Median(_via, false):0.000}", $"{Added(false):+0.000;-0.000}",
        ];
    }

    private static double Median(List<(double Ttft, double Total)> xs, bool ttft) => Compare.Median(xs.Select(x => ttft ? x.Ttft : x.Total).ToList());

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
