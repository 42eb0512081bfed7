using System.Diagnostics;
using System.Globalization;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Mcp;

/// <summary>Targets dying and coming back: calls error promptly naming the target, the others keep working.</summary>
public sealed class McpFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StdioTargetKilledMidCall_CallErrorsPromptly_OthersWork_TargetRestarts()
    {
        await using var http = await TestMcpServer.StartAsync();
        var pidFile = Path.Combine(Path.GetTempPath(), $"agw-everything-{Guid.NewGuid():N}.pid");
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(
            McpTestPaths.EverythingTarget("everything", pidFile) + McpTestClient.UrlTarget("http", http.Url)));
        await using var client = await McpTestClient.ConnectAsync(gw);
        Assert.Contains((await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name), n => n == "everything_echo");
        var firstPid = int.Parse((await File.ReadAllTextAsync(pidFile, Ct)).Trim(), CultureInfo.InvariantCulture);

        var call = client.CallToolAsync("everything_trigger-long-running-operation",
            new Dictionary<string, object?> { ["duration"] = 60, ["steps"] = 60 }, cancellationToken: Ct).AsTask();
        await Task.Delay(500, Ct);
        Process.GetProcessById(firstPid).Kill();

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => call.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Contains("'everything'", error.Message, StringComparison.Ordinal);

        var add = await client.CallToolAsync("http_add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }, cancellationToken: Ct);
        Assert.Equal(3, add.StructuredContent!.Value.GetProperty("sum").GetInt32());

        Assert.True(await McpTestClient.EventuallyAsync(async () =>
        {
            var echo = await client.CallToolAsync("everything_echo", new Dictionary<string, object?> { ["message"] = "back" }, cancellationToken: Ct);
            return McpFederationTests.Text(echo).Contains("back", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30)), "the stdio target did not come back");
        Assert.NotEqual(firstPid, int.Parse((await File.ReadAllTextAsync(pidFile, Ct)).Trim(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task HttpTargetStopped_DropsOutWithListChanged_AndComesBack()
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var sse = await TestMcpServer.StartAsync(sse: true);
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(
            McpTestClient.UrlTarget("http", http.Url) + McpTestClient.UrlTarget("legacy", sse.Url, "sse")));
        await using var client = await McpTestClient.ConnectAsync(gw);
        var listChanged = 0;
        await using var registration = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            Interlocked.Increment(ref listChanged);
            return default;
        });
        Assert.Contains((await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name), n => n == "http_add");

        var slow = client.CallToolAsync("http_slow", cancellationToken: Ct).AsTask();
        await http.State.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await http.StopAsync();

        // The dying server may still answer (the SDK turns the cancelled tool into an isError result) or vanish
        // (the gateway answers with an error naming the target); either way the call ends promptly.
        Assert.Same(slow, await Task.WhenAny(slow, Task.Delay(TimeSpan.FromSeconds(10), Ct)));
        if (slow.IsCompletedSuccessfully)
        {
            Assert.True((await slow).IsError);
        }
        else
        {
            Assert.IsAssignableFrom<McpException>(slow.Exception!.InnerException);
        }

        var upper = await client.CallToolAsync("legacy_upper", new Dictionary<string, object?> { ["text"] = "still here" }, cancellationToken: Ct);
        Assert.Equal("STILL HERE", McpFederationTests.Text(upper));
        Assert.True(await McpTestClient.EventuallyAsync(async () =>
            !(await client.ListToolsAsync(cancellationToken: Ct)).Any(t => t.Name == "http_add"), TimeSpan.FromSeconds(10)));
        var down = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("http_add",
            new Dictionary<string, object?> { ["a"] = 1, ["b"] = 1 }, cancellationToken: Ct).AsTask());
        Assert.Contains("'http'", down.Message, StringComparison.Ordinal);

        await http.RestartAsync();

        Assert.True(await McpTestClient.EventuallyAsync(async () =>
            (await client.ListToolsAsync(cancellationToken: Ct)).Any(t => t.Name == "http_add"), TimeSpan.FromSeconds(30)), "the http target did not come back");
        Assert.True(await McpTestClient.EventuallyAsync(() => Task.FromResult(Volatile.Read(ref listChanged) > 0), TimeSpan.FromSeconds(5)),
            "no tools/list_changed reached the client");
    }
}
