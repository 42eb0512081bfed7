using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Samples.ConformanceMcp.Tools;

/// <summary>Tools that send server-to-client traffic while they run: log messages, progress, a dropped stream.</summary>
[McpServerToolType]
internal static class StreamingTools
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [McpServerTool(Name = "test_tool_with_logging", ReadOnly = true, OpenWorld = false)]
    [Description("Sends three info log notifications about 50 ms apart, then returns.")]
    public static async Task<string> ToolWithLogging(McpServer server, CancellationToken cancellationToken)
    {
        await SendLogAsync(server, "Tool execution started", cancellationToken);
        await Task.Delay(Step, cancellationToken);
        await SendLogAsync(server, "Tool processing data", cancellationToken);
        await Task.Delay(Step, cancellationToken);
        await SendLogAsync(server, "Tool execution completed", cancellationToken);
        return "Tool with logging executed successfully";
    }

    [McpServerTool(Name = "test_tool_with_progress", ReadOnly = true, OpenWorld = false)]
    [Description("Reports progress 0, 50 and 100 of 100 (when the caller sent a progress token), then returns.")]
    public static async Task<string> ToolWithProgress(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        await ReportAsync(context, 0, "started", cancellationToken);
        await Task.Delay(Step, cancellationToken);
        await ReportAsync(context, 50, "halfway", cancellationToken);
        await Task.Delay(Step, cancellationToken);
        await ReportAsync(context, 100, "done", cancellationToken);
        return "Tool with progress executed successfully";
    }

    [McpServerTool(Name = "test_reconnection", ReadOnly = true, OpenWorld = false)]
    [Description("Closes the response stream before answering; the client must reconnect with Last-Event-ID to get the result (SEP-1699).")]
    public static async Task<string> Reconnection(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        // Ends the POST's SSE stream now; the result goes to the event store and is replayed on a GET resume.
        await context.EnablePollingAsync(TimeSpan.FromMilliseconds(500), cancellationToken);
        // Keep working briefly while the client is away, so the result is produced after the POST stream has
        // really ended (otherwise it can still slip onto it). Not on the request token: ending the POST may cancel it.
        await Task.Delay(Step, CancellationToken.None);
        return "Reconnection test completed successfully. The client reconnected after the stream closed.";
    }

    // Awaited, unlike IProgress<T> (fire-and-forget), so notifications keep their order and precede the result.
    private static async Task ReportAsync(RequestContext<CallToolRequestParams> context, int progress, string message, CancellationToken cancellationToken)
    {
        if (context.Params?.ProgressToken is { } token)
        {
            await context.Server.NotifyProgressAsync(
                token, new ProgressNotificationValue { Progress = progress, Total = 100, Message = message }, cancellationToken: cancellationToken);
        }
    }

    private static Task SendLogAsync(McpServer server, string message, CancellationToken cancellationToken)
    {
        // Honour logging/setLevel: info is dropped when the client asked for a higher minimum level.
        if (server.LoggingLevel is { } minimum && minimum > LoggingLevel.Info)
        {
            return Task.CompletedTask;
        }

        return server.SendNotificationAsync(
            NotificationMethods.LoggingMessageNotification,
            new LoggingMessageNotificationParams
            {
                Level = LoggingLevel.Info,
                Logger = "conformance",
                Data = JsonSerializer.SerializeToElement(message, ConformanceJson.Default.String),
            },
            cancellationToken: cancellationToken);
    }
}
