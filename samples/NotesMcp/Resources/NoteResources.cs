using System.ComponentModel;
using System.Globalization;
using System.Text;
using AgentGateway.Samples.NotesMcp.Data;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.NotesMcp.Resources;

[McpServerResourceType]
internal static class NoteResources
{
    [McpServerResource(UriTemplate = "notes://index", Name = "index", Title = "All notes", MimeType = "text/markdown")]
    [Description("A list of every note with its id and title.")]
    public static TextResourceContents Index(NoteStore store)
    {
        var text = new StringBuilder("# Notes\n\n");
        foreach (var note in store.List())
        {
            text.Append(CultureInfo.InvariantCulture, $"- [{note.Title}]({note.Uri})\n");
        }

        return new TextResourceContents { Uri = "notes://index", MimeType = "text/markdown", Text = text.ToString() };
    }

    [McpServerResource(UriTemplate = "notes://{id}", Name = "note", Title = "A note", MimeType = "text/markdown")]
    [Description("One note as Markdown.")]
    public static TextResourceContents Note(NoteStore store, [Description("Note id")] string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !store.TryGet(number, out var note))
        {
            throw new McpProtocolException($"No note with id '{id}'.", McpErrorCode.ResourceNotFound);
        }

        return new TextResourceContents { Uri = note.Uri, MimeType = "text/markdown", Text = note.ToMarkdown() };
    }
}
