namespace AgentGateway.Samples.NotesMcp.Data;

/// <summary>A note of the knowledge base.</summary>
internal sealed record Note
{
    public required int Id { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }

    public string Uri => $"notes://{Id}";

    public string ToMarkdown() =>
        $"# {Title}\n\n{Body}\n" + (Tags.Count > 0 ? $"\nTags: {string.Join(", ", Tags)}\n" : "");
}

/// <summary>The structured result of the list and search tools.</summary>
internal sealed record NoteList
{
    public required int Count { get; init; }
    public required IReadOnlyList<Note> Notes { get; init; }
}
