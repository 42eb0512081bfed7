using System.ComponentModel;
using AgentGateway.Samples.NotesMcp.Data;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.NotesMcp.Prompts;

[McpServerPromptType]
internal static class NotePrompts
{
    [McpServerPrompt(Name = "summarize", Title = "Summarize a note")]
    [Description("Embeds a note and asks for a summary of the given length.")]
    public static IEnumerable<PromptMessage> Summarize(
        NoteStore store,
        [Description("Note id")] int id,
        [Description("Summary length: sentence, paragraph or bullets (default sentence)")] string? length = null)
    {
        var note = store.Get(id);
        var shape = length?.ToLowerInvariant() switch
        {
            "paragraph" => "one short paragraph",
            "bullets" => "three bullet points",
            _ => "one sentence",
        };
        return
        [
            new PromptMessage
            {
                Role = Role.User,
                Content = new EmbeddedResourceBlock
                {
                    Resource = new TextResourceContents { Uri = note.Uri, MimeType = "text/markdown", Text = note.ToMarkdown() },
                },
            },
            new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = $"Summarize the note above in {shape}." } },
        ];
    }
}
