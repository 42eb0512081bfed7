namespace AgentGateway.Samples.NotesMcp.Data;

/// <summary>The structured result of the list and search tools.</summary>
internal sealed record NoteList
{
    public required int Count { get; init; }
    public required IReadOnlyList<Note> Notes { get; init; }
}
