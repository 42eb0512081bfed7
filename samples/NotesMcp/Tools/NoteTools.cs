using System.ComponentModel;
using AgentGateway.Samples.NotesMcp.Data;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.NotesMcp.Tools;

/// <summary>Create, list and search notes.</summary>
[McpServerToolType]
internal static class NoteTools
{
    private const int MaxResults = 50;

    [McpServerTool(Name = "add_note", Title = "Add a note", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Adds a note and returns it with its id (its resource is notes://{id}).")]
    public static Note AddNote(
        NoteStore store,
        [Description("Short title")] string title,
        [Description("Text of the note")] string body,
        [Description("Optional tags")] string[]? tags = null) =>
        store.Add(title, body, tags);

    [McpServerTool(Name = "list_notes", Title = "List notes", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("All notes, oldest first.")]
    public static NoteList ListNotes(NoteStore store)
    {
        var notes = store.List();
        return new NoteList { Count = notes.Count, Notes = notes };
    }

    [McpServerTool(Name = "search_notes", Title = "Search notes", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Notes whose title, body or tags contain every word of the query.")]
    public static NoteList SearchNotes(
        NoteStore store,
        [Description("Words to look for")] string query,
        [Description("Maximum number of results, 1-50 (default 10)")] int limit = 10)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new McpException("query must not be empty.");
        }

        if (limit is < 1 or > MaxResults)
        {
            throw new McpException($"limit must be between 1 and {MaxResults}; got {limit}.");
        }

        var notes = store.Search(query, limit);
        return new NoteList { Count = notes.Count, Notes = notes };
    }
}
