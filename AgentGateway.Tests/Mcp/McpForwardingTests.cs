using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Mcp;

/// <summary>Server-initiated traffic through the gateway: sampling, elicitation, progress; and client cancellation.</summary>
public sealed class McpForwardingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TestGateway> StartEverythingAsync(string extraTargets = "") =>
        TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestPaths.EverythingTarget("everything") + extraTargets));

#pragma warning disable MCP9005 // Sampling is deprecated in 2026-07-28; this test is about 2025-x clients that still use it.
    [Fact]
    public async Task Sampling_RequestedByTarget_AnsweredByClientThroughGateway()
    {
        await using var gw = await StartEverythingAsync();
        var samplingPrompts = new List<string>();
        var options = new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers
            {
                SamplingHandler = (request, _, _) =>
                {
                    samplingPrompts.Add(string.Concat(request!.Messages.Select(m => (m.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text) ?? "")));
                    return ValueTask.FromResult(new CreateMessageResult
                    {
                        Model = "test-model",
                        Role = Role.Assistant,
                        Content = [new TextContentBlock { Text = "sampled by the client" }],
                    });
                },
            },
        };
        await using var client = await McpTestClient.ConnectAsync(gw, options: options);

        var result = await client.CallToolAsync("trigger-sampling-request", new Dictionary<string, object?> { ["prompt"] = "write a haiku" }, cancellationToken: Ct);

        Assert.Contains("sampled by the client", McpFederationTests.Text(result));
        Assert.Contains(samplingPrompts, p => p.Contains("write a haiku", StringComparison.Ordinal));
    }
#pragma warning restore MCP9005

    [Fact]
    public async Task Elicitation_RequestedByTarget_AnsweredByClientThroughGateway()
    {
        await using var gw = await StartEverythingAsync();
        var elicited = 0;
        var options = new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (request, _) =>
                {
                    Interlocked.Increment(ref elicited);
                    return ValueTask.FromResult(new ElicitResult
                    {
                        Action = "accept",
                        Content = new Dictionary<string, System.Text.Json.JsonElement>
                        {
                            ["name"] = McpFederationTests.Json("Ada Lovelace"),
                        },
                    });
                },
            },
        };
        await using var client = await McpTestClient.ConnectAsync(gw, options: options);

        var result = await client.CallToolAsync("trigger-elicitation-request", cancellationToken: Ct);

        Assert.Equal(1, elicited);
        Assert.Contains("Ada Lovelace", McpFederationTests.Text(result));
    }

#pragma warning disable MCP9005 // Sampling and logging are deprecated in 2026-07-28; this test is about 2025-x clients that use them.
    [Fact]
    public async Task Logging_SetLevelFannedOut_MessagesForwardedWithTargetAsLogger()
    {
        await using var gw = await StartEverythingAsync();
        var options = new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers
            {
                // A client that can sample gets upstream connections of its own, so target log messages reach it.
                SamplingHandler = (_, _, _) => ValueTask.FromResult(new CreateMessageResult { Model = "m", Role = Role.Assistant, Content = [] }),
            },
        };
        await using var client = await McpTestClient.ConnectAsync(gw, options: options);
        var messages = new List<LoggingMessageNotificationParams>();
        await using var registration = client.RegisterNotificationHandler(NotificationMethods.LoggingMessageNotification, (n, _) =>
        {
            if (System.Text.Json.JsonSerializer.Deserialize<LoggingMessageNotificationParams>(n.Params, McpJsonUtilities.DefaultOptions) is { } p)
            {
                lock (messages)
                {
                    messages.Add(p);
                }
            }

            return default;
        });

        await client.SetLoggingLevelAsync(LoggingLevel.Debug, cancellationToken: Ct);
        await client.CallToolAsync("toggle-simulated-logging", cancellationToken: Ct);

        Assert.True(await McpTestClient.EventuallyAsync(() => Task.FromResult(messages.Count > 0), TimeSpan.FromSeconds(10)), "no log message forwarded");
        lock (messages)
        {
            Assert.StartsWith("everything", messages[0].Logger, StringComparison.Ordinal);
        }
    }
#pragma warning restore MCP9005

    [Fact]
    public async Task Progress_FromTarget_ReachesClientWithItsOwnToken()
    {
        await using var gw = await StartEverythingAsync();
        await using var client = await McpTestClient.ConnectAsync(gw);
        var updates = new List<ProgressNotificationValue>();
        var progress = new SynchronousProgress(updates);

        var result = await client.CallToolAsync("trigger-long-running-operation",
            new Dictionary<string, object?> { ["duration"] = 1, ["steps"] = 3 }, progress, cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        Assert.True(await McpTestClient.EventuallyAsync(() => Task.FromResult(updates.Count >= 3), TimeSpan.FromSeconds(5)), $"got progress {string.Join(",", updates.Select(u => u.Progress))}");
        Assert.Equal(3, updates.Max(u => u.Total));
    }

    [Fact]
    public async Task Cancellation_ByClient_CancelsTheUpstreamCall()
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)));
        await using var client = await McpTestClient.ConnectAsync(gw);
        var requestId = new RequestId("call-to-cancel");

        // notifications/cancelled is how MCP cancels a request (the SDK client only aborts its POST over Streamable HTTP).
        var call = client.SendRequestAsync(new JsonRpcRequest
        {
            Id = requestId,
            Method = RequestMethods.ToolsCall,
            Params = McpFederationTests.Node(new { name = "slow" }),
        }, Ct);
        await http.State.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await client.SendNotificationAsync(NotificationMethods.CancelledNotification,
            new CancelledNotificationParams { RequestId = requestId, Reason = "user pressed stop" }, cancellationToken: Ct);

        await http.State.SlowCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(call.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TraceContext_PropagatedUpstreamInMeta()
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)));
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == "AgentGateway",
            Sample = (ref _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        var spans = new List<System.Diagnostics.Activity>();
        listener.ActivityStopped = a => { lock (spans) { spans.Add(a); } };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var client = await McpTestClient.ConnectAsync(gw);

        await client.CallToolAsync("trace", cancellationToken: Ct);

        var traceparent = http.State.LastTraceparent;
        Assert.NotNull(traceparent);
        System.Diagnostics.Activity span;
        lock (spans)
        {
            span = spans.Last(s => (string?)s.GetTagItem("mcp.method.name") == "tools/call");
        }

        Assert.Equal("trace", span.GetTagItem("gen_ai.tool.name"));
        Assert.Contains(span.TraceId.ToString(), traceparent, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(List<ProgressNotificationValue> updates) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value)
        {
            lock (updates)
            {
                updates.Add(value);
            }
        }
    }
}
