using Microsoft.Extensions.Logging;

namespace AgentGateway.Samples.NotesMcp;

/// <summary>Log messages of the notes server; note titles and bodies are user data and never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Reindex completed: {Steps} steps over {NoteCount} notes")]
    public static partial void ReindexCompleted(ILogger logger, int steps, int noteCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Reindex cancelled by the client after {Completed} of {Steps} steps")]
    public static partial void ReindexCancelled(ILogger logger, int completed, int steps);
}
