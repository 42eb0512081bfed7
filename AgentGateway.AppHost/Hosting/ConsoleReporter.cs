using System.Text;

namespace AgentGateway.AppHost.Hosting;

/// <summary>Human-facing output: child lines prefixed with their resource name, exits, and the resource table.</summary>
internal sealed class ConsoleReporter(TextWriter? output, int nameWidth)
{
    private readonly Lock _lock = new();

    public void Line(string resource, string text)
    {
        if (output is null)
        {
            return;
        }

        lock (_lock)
        {
            output.WriteLine($"{resource.PadRight(nameWidth)} | {text}");
            output.Flush();
        }
    }

    public void Info(string text) => Line("apphost", text);

    public void Table(IEnumerable<ResourceSnapshot> resources, Uri? dashboard)
    {
        if (output is null)
        {
            return;
        }

        var rows = new List<(string Name, string State, string Url)>();
        foreach (var r in resources)
        {
            if (r.Urls.Count == 0)
            {
                rows.Add((r.Name, r.State.ToString(), "-"));
            }

            // External endpoints first: those are the ones a person opens.
            foreach (var url in r.Urls.OrderByDescending(u => u.IsExternal))
            {
                var label = url.Name is "http" or "tcp" ? r.Name : $"{r.Name} {url.Name}";
                rows.Add((label, r.State.ToString(), url.Url));
            }
        }

        if (dashboard is not null)
        {
            rows.Add(("dashboard", "Running", dashboard.ToString().TrimEnd('/')));
        }

        var w1 = Math.Max(8, rows.Max(r => r.Name.Length));
        var w2 = Math.Max(5, rows.Max(r => r.State.Length));
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine($"{"RESOURCE".PadRight(w1)}  {"STATE".PadRight(w2)}  URL");
        foreach (var (name, state, url) in rows)
        {
            text.AppendLine($"{name.PadRight(w1)}  {state.PadRight(w2)}  {url}");
        }

        lock (_lock)
        {
            output.WriteLine(text.ToString());
            output.Flush();
        }
    }
}
