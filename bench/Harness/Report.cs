using System.Text;

namespace AgentGateway.Bench;

/// <summary>Collects result tables and notes, rendered as Markdown.</summary>
internal sealed class Report
{
    private readonly StringBuilder _md = new();

    public void Line(string text)
    {
        _md.AppendLine(text).AppendLine();
        Console.WriteLine(text);
    }

    public void Table(string title, string[] header, IEnumerable<string[]> rows)
    {
        _md.AppendLine($"### {title}").AppendLine();
        _md.AppendLine("| " + string.Join(" | ", header) + " |");
        _md.AppendLine("|" + string.Join("|", header.Select(_ => "---")) + "|");
        foreach (var row in rows)
        {
            _md.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        _md.AppendLine();
        Console.WriteLine($"[{title}] done");
    }

    public string ToMarkdown() => $"# AgentGateway benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n{_md}";
}
