using System.Text;

namespace AgentGateway.Bench;

/// <summary>Collects result tables, notes and target checks, rendered as Markdown (targets first: they are the summary).</summary>
internal sealed class Report
{
    private readonly StringBuilder _md = new();
    private readonly List<string[]> _targets = [];

    public void Line(string text)
    {
        _md.AppendLine(text).AppendLine();
        Console.WriteLine(text);
    }

    public void Table(string title, string[] header, IEnumerable<string[]> rows)
    {
        _md.AppendLine($"### {title}").AppendLine();
        AppendTable(_md, header, rows);
        Console.WriteLine($"[{title}] done");
    }

    /// <summary>Records one target with what was measured; <paramref name="met"/> null means it could not be measured.</summary>
    public void Target(string name, string goal, string measured, bool? met)
    {
        _targets.Add([name, goal, measured, met switch { true => "met", false => "**not met**", null => "not measured" }]);
        Console.WriteLine($"target {name}: {measured} ({goal}) {_targets[^1][3]}");
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder($"# AgentGateway benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n");
        if (_targets.Count > 0)
        {
            md.AppendLine("### Targets").AppendLine();
            AppendTable(md, ["target", "goal", "measured", "status"], _targets);
        }

        return md.Append(_md).ToString();
    }

    private static void AppendTable(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        md.AppendLine("| " + string.Join(" | ", header) + " |");
        md.AppendLine("|" + string.Join("|", header.Select(_ => "---")) + "|");
        foreach (var row in rows)
        {
            md.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        md.AppendLine();
    }
}
