using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentGateway.Tests.Configuration;

/// <summary>One gateway config shipped in the repository: where it is and its YAML text.</summary>
internal sealed record ShippedConfig(string Source, string Yaml);

/// <summary>
/// Finds every gateway config the repository ships, so each can be checked against <c>gateway.schema.json</c>:
/// files named <c>gateway.yaml</c>/<c>gateway.yml</c>/<c>gateway.json</c>; the <c>gateway.yaml</c> key of Kubernetes
/// ConfigMaps under <c>deploy/</c>; and every fenced block of Markdown whose info string is exactly <c>yaml</c> (or
/// <c>yml</c>). A Markdown block that is only an excerpt (or not a gateway config at all) opts out with a second
/// word: <c>```yaml fragment</c> — editors still highlight it as YAML.
/// </summary>
internal static partial class ShippedConfigs
{
    // "out": bench/out holds the configs the bench harness writes per run (git-ignored), which a fresh clone does not
    // have; reading them made the test count depend on how many bench runs a checkout has seen.
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git", "TestResults", "BenchmarkDotNet.Artifacts", "AgentGateway.Tests", "out"];

    public static string RepositoryRoot { get; } = FindRoot();

    public static IReadOnlyList<ShippedConfig> All() =>
    [
        .. Files(RepositoryRoot).Where(IsConfigFile).Select(f => new ShippedConfig(Relative(f), File.ReadAllText(f))),
        .. Files(Path.Combine(RepositoryRoot, "deploy")).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal)).SelectMany(ConfigMapConfigs),
        .. Files(RepositoryRoot).Where(f => f.EndsWith(".md", StringComparison.Ordinal)).SelectMany(MarkdownConfigs),
    ];

    private static bool IsConfigFile(string path) => Path.GetFileName(path) is "gateway.yaml" or "gateway.yml" or "gateway.json";

    private static IEnumerable<ShippedConfig> ConfigMapConfigs(string path)
    {
        foreach (var doc in YamlToJson.ConvertAll(File.ReadAllText(path)))
        {
            if (doc is JsonObject { } manifest && manifest["kind"]?.GetValue<string>() == "ConfigMap"
                && manifest["data"]?["gateway.yaml"] is JsonValue text)
            {
                yield return new ShippedConfig($"{Relative(path)} (ConfigMap {manifest["metadata"]?["name"]}, key gateway.yaml)", text.GetValue<string>());
            }
        }
    }

    private static IEnumerable<ShippedConfig> MarkdownConfigs(string path)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Length;
            var fence = open.Groups["fence"].Value;
            var isConfig = open.Groups["info"].Value.Trim() is "yaml" or "yml";
            var start = i + 1;
            var body = new List<string>();
            for (i++; i < lines.Length && !IsClosing(lines[i], fence); i++)
            {
                body.Add(lines[i].Length >= indent && string.IsNullOrWhiteSpace(lines[i][..indent]) ? lines[i][indent..] : lines[i].TrimStart());
            }

            if (isConfig)
            {
                yield return new ShippedConfig($"{Relative(path)}:{start}", string.Join('\n', body));
            }
        }
    }

    private static bool IsClosing(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    private static IEnumerable<string> Files(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir).Concat(Directory.EnumerateDirectories(dir)
                .Where(d => !SkippedFolders.Contains(Path.GetFileName(d))).SelectMany(Files)).Order(StringComparer.Ordinal)
            : [];

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no AgentGateway.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^(?<indent> *)(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();
}
