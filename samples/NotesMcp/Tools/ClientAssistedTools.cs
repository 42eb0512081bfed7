using System.ComponentModel;
using AgentGateway.Samples.NotesMcp.Data;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.NotesMcp.Tools;

/// <summary>Tools that need the client: its model (sampling) or its user (elicitation).</summary>
[McpServerToolType]
internal static class ClientAssistedTools
{
    [McpServerTool(Name = "summarize_note", Title = "Summarize with the client's model", ReadOnly = true, OpenWorld = false)]
    [Description("Asks the client's model (sampling) for a one-sentence summary of a note. Needs a client that supports sampling.")]
    public static async Task<string> SummarizeNote(
        McpServer server, NoteStore store, [Description("Note id")] int id, CancellationToken cancellationToken)
    {
        var note = store.Get(id);
#pragma warning disable MCP9005 // Sampling is deprecated from spec 2026-07-28; this sample shows it for clients on 2025-11-25.
        if (server.ClientCapabilities?.Sampling is null)
        {
            throw new McpException("summarize_note needs a client that supports sampling.");
        }

        var request = new CreateMessageRequestParams
        {
            SystemPrompt = "You summarize notes in one sentence.",
            Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = note.ToMarkdown() }] }],
            MaxTokens = 200,
        };
        var result = await CallClientAsync(() => server.SampleAsync(request, cancellationToken));
#pragma warning restore MCP9005
        var summary = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
        return $"Summary of note {id} (by {result.Model}): {summary}";
    }

    [McpServerTool(Name = "delete_note", Title = "Delete a note", Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Deletes a note after the user confirms it (elicitation). Needs a client that supports elicitation.")]
    public static async Task<string> DeleteNote(
        McpServer server, NoteStore store, [Description("Note id")] int id, CancellationToken cancellationToken)
    {
        var note = store.Get(id);
        if (server.ClientCapabilities?.Elicitation is null)
        {
            throw new McpException("delete_note asks the user to confirm; the client does not support elicitation.");
        }

        var answer = await CallClientAsync(() => server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = $"Delete note {id} \"{note.Title}\"?",
                RequestedSchema = new ElicitRequestParams.RequestSchema
                {
                    Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                    {
                        ["confirm"] = new ElicitRequestParams.BooleanSchema { Description = "Yes, delete it", Default = false },
                    },
                    Required = ["confirm"],
                },
            },
            cancellationToken));

        var confirmed = answer.IsAccepted
            && answer.Content?.TryGetValue("confirm", out var value) == true
            && value.ValueKind == System.Text.Json.JsonValueKind.True;
        if (!confirmed)
        {
            return $"Kept note {id} (the user answered '{answer.Action}').";
        }

        return store.Remove(id) ? $"Deleted note {id}." : $"Note {id} was already gone.";
    }

    /// <summary>
    /// Server-to-client requests need a session; a client on the sessionless 2026-07-28 revision gets a clear tool error.
    /// </summary>
    private static async Task<T> CallClientAsync<T>(Func<ValueTask<T>> request)
    {
        try
        {
            return await request();
        }
        catch (InvalidOperationException e) when (e.Message.Contains("stateless", StringComparison.OrdinalIgnoreCase))
        {
            throw new McpException("This tool needs a session-based MCP connection (protocol 2025-11-25 or earlier).");
        }
    }
}
