#pragma warning disable MCP9005 // Sampling is deprecated in 2026-07-28; these tools exercise 2025-x clients that still use it.
using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>Tools of the Streamable HTTP test server that talk back to the client: sampling, progress, list changes.</summary>
[McpServerToolType]
public sealed class InteractiveTools
{
    [McpServerTool(Name = "ask"), Description("Asks the client's model (sampling) and returns its answer")]
    public static async Task<string> Ask(McpServer server, string question, CancellationToken cancellationToken)
    {
        var answer = await server.SampleAsync(new CreateMessageRequestParams
        {
            Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = question }] }],
            MaxTokens = 50,
        }, cancellationToken);
        return string.Concat(answer.Content.OfType<TextContentBlock>().Select(static t => t.Text));
    }

    [McpServerTool(Name = "countdown"), Description("Reports progress from n down to 1, then returns 'liftoff'")]
    public static async Task<string> Countdown(IProgress<ProgressNotificationValue> progress, int n, CancellationToken cancellationToken)
    {
        for (var i = 0; i < n; i++)
        {
            progress.Report(new ProgressNotificationValue { Progress = i + 1, Total = n, Message = $"{n - i}" });
            await Task.Delay(20, cancellationToken);
        }

        await Task.Delay(50, cancellationToken); // lets the last progress notification land before the result (SDK client race)
        return "liftoff";
    }

    [McpServerTool(Name = "touch_tools_later"), Description("Announces, just after returning, that the tool list changed")]
    public static string TouchToolsLater(McpServer server)
    {
        // After the call has completed, so the notification is unsolicited: it travels on the session's standalone stream.
        _ = Task.Run(async () =>
        {
            await Task.Delay(100);
            await server.SendNotificationAsync(NotificationMethods.ToolListChangedNotification);
        });
        return "will touch";
    }

    [McpServerTool(Name = "grow_tools"), Description("Adds the tool 'grown' to the server's tools (the SDK announces tools/list_changed)")]
    public static string GrowTools(McpServer server)
    {
        var tools = server.ServerOptions.ToolCollection!;
        if (!tools.Any(static t => t.ProtocolTool.Name == "grown"))
        {
            tools.Add(McpServerTool.Create(static () => "grown", new McpServerToolCreateOptions { Name = "grown" }));
        }

        return "grown";
    }
}
