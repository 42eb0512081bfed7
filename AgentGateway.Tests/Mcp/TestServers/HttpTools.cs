using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>Tools of the Streamable HTTP test server.</summary>
[McpServerToolType]
public sealed class HttpTools
{
    [McpServerTool(Name = "add", ReadOnly = true, UseStructuredContent = true), Description("Adds two numbers")]
    public static SumResult Add(int a, int b) => new(a + b);

    [McpServerTool(Name = "slow"), Description("Waits until cancelled (or 60 s)")]
    public static async Task<string> Slow(TestToolState state, CancellationToken cancellationToken)
    {
        state.SlowStarted.TrySetResult();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken);
            return "finished";
        }
        catch (OperationCanceledException)
        {
            state.SlowCancelled.TrySetResult();
            throw;
        }
    }

    [McpServerTool(Name = "trace"), Description("Reports the trace context it received")]
    public static string Trace(RequestContext<CallToolRequestParams> context, TestToolState state)
    {
        state.LastTraceparent = context.Params?.Meta?["traceparent"]?.GetValue<string>();
        return state.LastTraceparent ?? "none";
    }

    [McpServerTool(Name = "secret"), Description("A tool a policy may hide")]
    public static string Secret() => "classified";

    public sealed record SumResult(int Sum);
}
