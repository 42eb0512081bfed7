using System.Collections.Concurrent;
using System.Text.Json;
using AgentGateway.Samples.NotesMcp;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Samples;

public sealed class NotesMcpTests : IAsyncLifetime
{
    // Bounds waits for server-side events so a broken server fails the test instead of hanging it.
    private static readonly TimeSpan EventBound = TimeSpan.FromSeconds(30);

    private readonly RecordingLoggerProvider _logs = new();
    private SampleServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await SampleServer.StartAsync(args => NotesServer.Build(args, builder =>
        {
            builder.Logging.AddProvider(_logs);
            builder.Logging.AddFilter<RecordingLoggerProvider>("AgentGateway.Samples", LogLevel.Information);
        }));
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddNote_ThenSearch_FindsItAndServesItAsResource()
    {
        await using var client = await _server.ConnectAsync();

        var added = await client.CallToolAsync("add_note", new Dictionary<string, object?>
        {
            ["title"] = "Gateway benchmarks",
            ["body"] = "Measure p99 latency through the gateway with zeppelin payloads.",
            ["tags"] = new[] { "Bench" },
        }, cancellationToken: Ct);
        var note = Assert.IsType<JsonElement>(added.StructuredContent);
        var id = note.GetProperty("id").GetInt32();
        Assert.Equal(["bench"], note.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var found = await client.CallToolAsync("search_notes", new Dictionary<string, object?> { ["query"] = "zeppelin p99" }, cancellationToken: Ct);
        var hit = Assert.Single(Assert.IsType<JsonElement>(found.StructuredContent).GetProperty("notes").EnumerateArray());
        Assert.Equal(id, hit.GetProperty("id").GetInt32());

        var resource = await client.ReadResourceAsync($"notes://{id}", cancellationToken: Ct);
        Assert.StartsWith("# Gateway benchmarks", Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddNote_EmptyTitle_ReturnsToolError()
    {
        await using var client = await _server.ConnectAsync();

        var result = await client.CallToolAsync("add_note", new Dictionary<string, object?> { ["title"] = " ", ["body"] = "x" }, cancellationToken: Ct);

        Assert.True(result.IsError);
        Assert.Contains("title must be", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsAndReads_ExposeSeededNotesPromptAndTemplate()
    {
        await using var client = await _server.ConnectAsync();

        var resources = await client.ListResourcesAsync(cancellationToken: Ct);
        var templates = await client.ListResourceTemplatesAsync(cancellationToken: Ct);
        var index = await client.ReadResourceAsync("notes://index", cancellationToken: Ct);
        var prompt = await client.GetPromptAsync("summarize", new Dictionary<string, object?> { ["id"] = 1, ["length"] = "bullets" }, cancellationToken: Ct);

        Assert.Contains(resources, r => r.Uri == "notes://index");
        Assert.Contains(templates, t => t.UriTemplate == "notes://{id}");
        Assert.Contains("(notes://3)", Assert.IsType<TextResourceContents>(Assert.Single(index.Contents)).Text, StringComparison.Ordinal);
        Assert.Equal("notes://1", Assert.IsType<EmbeddedResourceBlock>(prompt.Messages[0].Content).Resource.Uri);
        Assert.Contains("three bullet points", Assert.IsType<TextContentBlock>(prompt.Messages[1].Content).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadNote_UnknownId_FailsWithResourceNotFound()
    {
        await using var client = await _server.ConnectAsync();

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("notes://999", cancellationToken: Ct).AsTask());

        Assert.Equal(McpErrorCode.ResourceNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task Reindex_WithProgressToken_ReportsEveryStep()
    {
        await using var client = await _server.ConnectAsync();
        var updates = new ConcurrentQueue<ProgressNotificationValue>();
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new SyncProgress(value =>
        {
            updates.Enqueue(value);
            if (value.Progress >= 4)
            {
                allSeen.TrySetResult();
            }
        });

        var result = await client.CallToolAsync("reindex_notes", new Dictionary<string, object?> { ["steps"] = 4, ["stepDelayMs"] = 0 }, progress, cancellationToken: Ct);
        await allSeen.Task.WaitAsync(EventBound, Ct);

        Assert.StartsWith("Reindexed 3 notes in 4 steps", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
        // The SDK client may hand notifications to IProgress out of wire order, so compare as a set.
        Assert.Equal([1f, 2f, 3f, 4f], updates.Select(u => u.Progress).Order());
        Assert.All(updates, u => Assert.Equal(4f, u.Total));
    }

    [Fact]
    public async Task Reindex_CancelledNotification_ServerStopsTheTool()
    {
        await using var client = await _server.ConnectAsync();
        var firstStep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onProgress = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (_, _) =>
        {
            firstStep.TrySetResult();
            return ValueTask.CompletedTask;
        });
        var stopped = _logs.WaitForAsync(m => m.StartsWith("Reindex cancelled by the client", StringComparison.Ordinal));
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // Our own request id, so the test can name it in notifications/cancelled (what a gateway forwards upstream).
        // 100 steps of 2 s would take minutes: the tool only stops early because the cancellation reaches it.
        var requestId = new RequestId("reindex-to-cancel");
        var call = client.SendRequestAsync(new JsonRpcRequest
        {
            Id = requestId,
            Method = RequestMethods.ToolsCall,
            Params = JsonSerializer.SerializeToNode(new CallToolRequestParams
            {
                Name = "reindex_notes",
                Arguments = new Dictionary<string, JsonElement>
                {
                    ["steps"] = JsonSerializer.SerializeToElement(100),
                    ["stepDelayMs"] = JsonSerializer.SerializeToElement(2000),
                },
                Meta = new System.Text.Json.Nodes.JsonObject { ["progressToken"] = "reindex-progress" },
            }, McpJsonUtilities.DefaultOptions),
        }, abandon.Token);
        await firstStep.Task.WaitAsync(EventBound, Ct);

        await client.SendNotificationAsync(
            NotificationMethods.CancelledNotification,
            new CancelledNotificationParams { RequestId = requestId, Reason = "user pressed stop" },
            cancellationToken: Ct);

        var message = await stopped.WaitAsync(EventBound, Ct);
        Assert.Matches("after [1-9][0-9]? of 100 steps", message);
        Assert.DoesNotContain(_logs.Messages, m => m.StartsWith("Reindex completed", StringComparison.Ordinal));
        // A cancelled request gets no response (spec); stop waiting for one.
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

#pragma warning disable MCP9005 // Sampling is deprecated from spec 2026-07-28; the sample still offers it to 2025-11-25 clients.
    [Fact]
    public async Task SummarizeNote_ClientWithModel_ReturnsTheModelsSummary()
    {
        CreateMessageRequestParams? asked = null;
        await using var client = await _server.ConnectAsync(new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                SamplingHandler = (request, _, _) =>
                {
                    asked = request;
                    return ValueTask.FromResult(new CreateMessageResult
                    {
                        Role = Role.Assistant,
                        Model = "test-model",
                        Content = [new TextContentBlock { Text = "Routes pick backends by path prefix." }],
                    });
                },
            },
        });

        var result = await client.CallToolAsync("summarize_note", new Dictionary<string, object?> { ["id"] = 1 }, cancellationToken: Ct);

        Assert.Equal("Summary of note 1 (by test-model): Routes pick backends by path prefix.", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.NotNull(asked);
        Assert.Contains("# Gateway routes", Assert.IsType<TextContentBlock>(Assert.Single(Assert.Single(asked.Messages).Content)).Text, StringComparison.Ordinal);
    }
#pragma warning restore MCP9005

    [Fact]
    public async Task SummarizeNote_ClientWithoutSampling_ReturnsToolError()
    {
        await using var client = await _server.ConnectAsync();

        var result = await client.CallToolAsync("summarize_note", new Dictionary<string, object?> { ["id"] = 1 }, cancellationToken: Ct);

        Assert.True(result.IsError);
        Assert.Contains("supports sampling", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Deleted note 2.", false)]
    [InlineData(false, "Kept note 2 (the user answered 'accept').", true)]
    public async Task DeleteNote_AsksUserAndHonoursTheAnswer(bool confirm, string expected, bool stillThere)
    {
        string? question = null;
        await using var client = await _server.ConnectAsync(new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (request, _) =>
                {
                    question = request?.Message;
                    return ValueTask.FromResult(new ElicitResult
                    {
                        Action = "accept",
                        Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(confirm) },
                    });
                },
            },
        });

        var result = await client.CallToolAsync("delete_note", new Dictionary<string, object?> { ["id"] = 2 }, cancellationToken: Ct);
        var list = await client.CallToolAsync("list_notes", cancellationToken: Ct);

        Assert.Equal("Delete note 2 \"MCP sessions\"?", question);
        Assert.Equal(expected, Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        var ids = Assert.IsType<JsonElement>(list.StructuredContent).GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("id").GetInt32());
        Assert.Equal(stillThere, ids.Contains(2));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this records in order on the notifying thread.</summary>
    private sealed class SyncProgress(Action<ProgressNotificationValue> onReport) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => onReport(value);
    }
}
