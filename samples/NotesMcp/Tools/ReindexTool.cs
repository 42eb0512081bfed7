using System.ComponentModel;
using AgentGateway.Samples.NotesMcp.Data;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.NotesMcp.Tools;

/// <summary>
/// A deliberately slow tool: it reports progress after each step and stops as soon as the client
/// cancels (notifications/cancelled), which is what gateways must forward correctly.
/// </summary>
[McpServerToolType]
internal static class ReindexTool
{
    [McpServerTool(Name = "reindex_notes", Title = "Rebuild the search index", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Rebuilds the keyword index in steps, reporting progress after each; can be cancelled.")]
    public static async Task<string> ReindexNotes(
        RequestContext<CallToolRequestParams> context,
        NoteStore store,
        ILoggerFactory loggerFactory,
        [Description("Number of steps, 1-100 (default 10)")] int steps = 10,
        [Description("Milliseconds per step, 0-5000 (default 200)")] int stepDelayMs = 200,
        CancellationToken cancellationToken = default)
    {
        if (steps is < 1 or > 100 || stepDelayMs is < 0 or > 5000)
        {
            throw new McpException("steps must be 1-100 and stepDelayMs 0-5000.");
        }

        var logger = loggerFactory.CreateLogger(typeof(ReindexTool).FullName!);
        var notes = store.List();
        var keywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var completed = 0;
        try
        {
            for (var step = 1; step <= steps; step++)
            {
                // Each step indexes its share of the notes; the delay stands in for real work.
                foreach (var note in notes.Where((_, i) => i % steps == step - 1))
                {
                    keywords.UnionWith(note.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }

                await Task.Delay(stepDelayMs, cancellationToken);
                completed = step;
                await ReportAsync(context, step, steps, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ReindexCancelled(logger, completed, steps);
            throw;
        }

        Log.ReindexCompleted(logger, steps, notes.Count);
        // The C# SDK client handles a request's last progress notification and its result concurrently and
        // may drop the notification once the result is in; a short pause lets the final step land first.
        await Task.Delay(50, cancellationToken);
        return $"Reindexed {notes.Count} notes in {steps} steps; {keywords.Count} distinct keywords.";
    }

    // Awaited rather than IProgress<T>: IProgress posts fire-and-forget, so fast steps could reach the
    // client out of order or after the result, when the response stream is already closed.
    private static async Task ReportAsync(RequestContext<CallToolRequestParams> context, int step, int steps, CancellationToken cancellationToken)
    {
        if (context.Params?.ProgressToken is { } token)
        {
            await context.Server.NotifyProgressAsync(
                token,
                new ProgressNotificationValue { Progress = step, Total = steps, Message = $"step {step} of {steps}" },
                cancellationToken: cancellationToken);
        }
    }
}
