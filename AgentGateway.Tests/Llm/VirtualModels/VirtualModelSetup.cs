using MockLlm;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm.VirtualModels;

/// <summary>Gateway YAML for virtual-model tests: one provider per mock server (p0, p1, ...), all serving <c>mock-*</c>.</summary>
internal static class VirtualModelSetup
{
    /// <param name="virtualModel">The virtual model's keys (strategy, targets, ejection) at column 0.</param>
    public static string Yaml(string name, IReadOnlyList<MockLlmServer> mocks, string virtualModel, string type = "openai-compatible", string extra = "") =>
        LlmTestSetup.Yaml(
            "providers:\n"
            + string.Join("\n", mocks.Select((m, i) => Provider($"p{i}", i % 2 == 1 && type == "mixed" ? "anthropic" : type == "mixed" ? "openai-compatible" : type, m.BaseUrl, "[\"mock-*\"]")))
            + $"\nvirtualModels:\n  {name}:\n"
            + string.Join("\n", virtualModel.Split('\n').Select(l => "    " + l.TrimEnd('\r')))
            + (extra.Length > 0 ? "\n" + extra : ""));

    /// <summary>A target list as YAML: <c>targets: [{ provider: p0, model: mock-gpt, weight: w0 }, ...]</c>.</summary>
    public static string Targets(params int[] weights) =>
        "targets:\n" + string.Join("\n", weights.Select((w, i) => $"  - {{ provider: p{i}, model: mock-gpt, weight: {w} }}"));

    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
