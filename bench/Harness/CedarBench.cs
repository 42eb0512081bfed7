using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentGateway.Bench;

/// <summary>
/// Cedar authorization µs/decision on the 101-policy set in bench/cedar: our engine under BenchmarkDotNet (ShortRun)
/// and the reference implementation (@cedar-policy/cedar-wasm in Node 22) on the same policies, entities and request.
/// </summary>
internal static partial class CedarBench
{
    [GeneratedRegex(@"^RESULT (\S+) ([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex DotnetResult();

    [GeneratedRegex(@"^cedar-wasm \S+ (.+?): ([\d.]+) us/decision wall, ([\d.]+) us/decision cpu", RegexOptions.Multiline)]
    private static partial Regex WasmResult();

    public static async Task RunAsync(string root, BenchOptions options, Report report)
    {
        var dll = Path.Combine(root, "bench/AgentGateway.Benchmarks/bin/Release/net10.0/AgentGateway.Benchmarks.dll");
        var output = await Proc.RunInAsync(Path.Combine(root, "bench/out"), "dotnet", dll, "--short");
        var rows = new List<string[]>();
        double? decision = null;
        foreach (Match m in DotnetResult().Matches(output))
        {
            var us = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 1000;
            decision ??= m.Groups[1].Value == "IsAuthorized" ? us : null;
            rows.Add([$"AgentGateway Cedar engine: {Describe(m.Groups[1].Value)}", "BenchmarkDotNet ShortRun mean", $"{us:0.00}"]);
        }

        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"the Cedar benchmark printed no results:\n{output}");
        }

        var node = McpServers.NodePath(root);
        var peer = Path.Combine(root, "bench/cedar-peer/bench.mjs");
        if (options.Peers && File.Exists(node) && Directory.Exists(Path.Combine(root, "bench/cedar-peer/node_modules")))
        {
            var wasm = await Proc.RunAsync(node, peer, "2000");
            foreach (Match m in WasmResult().Matches(wasm))
            {
                rows.Add([$"cedar-wasm 4.13.0 (Node 22): {m.Groups[1].Value}", "2,000 calls, wall (cpu)", $"{m.Groups[2].Value} ({m.Groups[3].Value})"]);
            }
        }
        else
        {
            report.Line("cedar-wasm peer not installed (bench/cedar-peer) or --no-peers: skipped.");
        }

        report.Table("Cedar authorization, 101 policies (bench/cedar), µs per decision", ["implementation and case", "method", "µs/decision"], rows);
        report.Target("Cedar decision", "≤ 10 µs", decision is { } d ? $"{d:0.00} µs" : "n/a", decision <= 10);
    }

    private static string Describe(string method) => method switch
    {
        "IsAuthorized" => "IsAuthorized (pre-built entities, what the gateway does per request)",
        "IsAuthorizedParsingEntitiesJson" => "IsAuthorized + entity JSON parse per call (like statefulIsAuthorized)",
        _ => method,
    };
}
