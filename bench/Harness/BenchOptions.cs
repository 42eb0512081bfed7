using System.Globalization;

namespace AgentGateway.Bench;

/// <summary>Command-line options of the harness.</summary>
internal sealed record BenchOptions(int Seconds, int Pairs, int Rate, string Route, bool Peers, IReadOnlySet<string> Sections, int Warmup, bool Admin)
{
    public static readonly string[] AllSections = ["llm", "stream", "mcp", "mcpload", "replicas", "cedar"];

    public bool Runs(string section) => Sections.Contains(section);

    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        return new BenchOptions(
            int.Parse(Get("--seconds", "5"), CultureInfo.InvariantCulture),
            int.Parse(Get("--pairs", "3"), CultureInfo.InvariantCulture),
            int.Parse(Get("--rate", "500"), CultureInfo.InvariantCulture),
            Get("--route", "llm"),
            !args.Contains("--no-peers"),
            Get("--only", string.Join(',', AllSections)).Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            int.Parse(Get("--warmup", "5"), CultureInfo.InvariantCulture),
            args.Contains("--admin"));
    }

    public static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentGateway.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
