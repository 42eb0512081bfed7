using System.Collections.Concurrent;
using ModelContextProtocol;

namespace AgentGateway.Samples.NotesMcp.Data;

/// <summary>In-memory notes shared by every session of the process (seeded with a few notes).</summary>
internal sealed class NoteStore
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;

    private readonly ConcurrentDictionary<int, Note> _notes = new();
    private readonly TimeProvider _time;
    private int _lastId;

    public NoteStore(TimeProvider time)
    {
        _time = time;
        Add("Gateway routes", "Routes match a path prefix; the first match wins. Each route names one llm, mcp, a2a or http backend.", ["gateway", "config"]);
        Add("MCP sessions", "Streamable HTTP sessions start with initialize; the Mcp-Session-Id header carries the session.", ["mcp"]);
        Add("Packing list", "Umbrella for Seattle, sunscreen for Lisbon, a warm coat for New York.", ["travel"]);
    }

    public Note Add(string title, string body, IEnumerable<string>? tags)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength)
        {
            throw new McpException($"title must be 1-{MaxTitleLength} characters.");
        }

        if (body is null || body.Length > MaxBodyLength)
        {
            throw new McpException($"body must be at most {MaxBodyLength} characters.");
        }

        var note = new Note
        {
            Id = Interlocked.Increment(ref _lastId),
            Title = title.Trim(),
            Body = body,
            Tags = (tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList(),
            CreatedAt = _time.GetUtcNow(),
        };
        _notes[note.Id] = note;
        return note;
    }

    public bool TryGet(int id, out Note note) => _notes.TryGetValue(id, out note!);

    public Note Get(int id) => TryGet(id, out var note) ? note : throw new McpException($"No note with id {id}.");

    public bool Remove(int id) => _notes.TryRemove(id, out _);

    public IReadOnlyList<Note> List() => _notes.Values.OrderBy(n => n.Id).ToList();

    /// <summary>Notes whose title, body or tags contain every word of the query (case-insensitive).</summary>
    public IReadOnlyList<Note> Search(string query, int limit)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return List()
            .Where(n => words.All(w =>
                n.Title.Contains(w, StringComparison.OrdinalIgnoreCase)
                || n.Body.Contains(w, StringComparison.OrdinalIgnoreCase)
                || n.Tags.Any(t => t.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Take(limit)
            .ToList();
    }
}
