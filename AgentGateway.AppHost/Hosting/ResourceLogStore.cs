namespace AgentGateway.AppHost.Hosting;

/// <summary>One captured console line of a child process.</summary>
public sealed record LogLine(long Sequence, string Resource, DateTimeOffset At, bool IsError, string Text);

/// <summary>
/// Console output of every resource, bounded per resource (oldest lines dropped) so a chatty child
/// cannot grow the AppHost without limit. Readers page with "after sequence N" for live tails.
/// </summary>
public sealed class ResourceLogStore(int capacityPerResource = 5000)
{
    private readonly Dictionary<string, Queue<LogLine>> _lines = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private long _sequence;

    public event Action<LogLine>? LineAdded;

    public void Add(string resource, string text, bool isError)
    {
        LogLine line;
        lock (_lock)
        {
            if (!_lines.TryGetValue(resource, out var queue))
            {
                _lines[resource] = queue = new Queue<LogLine>();
            }

            line = new LogLine(++_sequence, resource, DateTimeOffset.UtcNow, isError, text);
            queue.Enqueue(line);
            while (queue.Count > capacityPerResource)
            {
                queue.Dequeue();
            }
        }

        LineAdded?.Invoke(line);
    }

    public IReadOnlyList<LogLine> Get(string resource, long afterSequence = 0)
    {
        lock (_lock)
        {
            return _lines.TryGetValue(resource, out var queue)
                ? [.. queue.Where(l => l.Sequence > afterSequence)]
                : [];
        }
    }
}
