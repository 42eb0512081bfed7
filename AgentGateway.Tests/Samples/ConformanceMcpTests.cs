using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AgentGateway.Samples.ConformanceMcp;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Samples;

/// <summary>
/// The conformance suite itself runs in .ci/checks.d; these pin the backend behaviours a gateway relies on
/// that the suite only reports as warnings (SSE resumption).
/// </summary>
public sealed class ConformanceMcpTests : IAsyncLifetime
{
    private SampleServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await SampleServer.StartAsync(args => ConformanceServer.Build(args));

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconnection_StreamClosedMidCall_ResultIsReplayedOnGetWithLastEventId()
    {
        using var http = new HttpClient();
        var sessionId = await InitializeSessionAsync(http);

        // The POST stream ends after a priming event and a retry hint, without the result.
        using var post = Request(HttpMethod.Post, sessionId, """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"test_reconnection","arguments":{}}}""");
        using var postResponse = await http.SendAsync(post, Ct);
        var postEvents = await postResponse.Content.ReadAsStringAsync(Ct);
        Assert.Equal("text/event-stream", postResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("retry: 500", postEvents, StringComparison.Ordinal);
        Assert.DoesNotContain("\"result\"", postEvents, StringComparison.Ordinal);
        var lastEventId = postEvents.Split('\n').Last(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..].Trim();

        // A client MUST wait the retry interval before reconnecting (SEP-1699); in polling mode the GET only
        // replays what is stored by then, so reconnecting early would find the tool still running.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);

        using var get = Request(HttpMethod.Get, sessionId, body: null);
        get.Headers.Add("Last-Event-ID", lastEventId);
        using var getResponse = await http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await getResponse.Content.ReadAsStreamAsync(Ct));
        string? line;
        while ((line = await reader.ReadLineAsync(Ct)) is not null && !line.StartsWith("data: {", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        using var message = JsonDocument.Parse(line["data: ".Length..]);
        Assert.Equal(5, message.RootElement.GetProperty("id").GetInt32());
        Assert.Contains("Reconnection test completed", message.RootElement.GetProperty("result").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnection_SdkClient_ResumesAndGetsTheResult()
    {
        await using var client = await _server.ConnectAsync();

        var result = await client.CallToolAsync("test_reconnection", cancellationToken: Ct);

        Assert.StartsWith("Reconnection test completed", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchedResource_SubscribedSession_GetsUpdatedNotification()
    {
        await using var client = await _server.ConnectAsync();
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await client.SubscribeToResourceAsync("test://watched-resource", (notification, _) =>
        {
            updated.TrySetResult(notification.Uri);
            return ValueTask.CompletedTask;
        }, cancellationToken: Ct);

        var result = await client.CallToolAsync("test_update_watched_resource", new Dictionary<string, object?> { ["text"] = "version 2" }, cancellationToken: Ct);
        var read = await client.ReadResourceAsync("test://watched-resource", cancellationToken: Ct);

        Assert.Equal("test://watched-resource", await updated.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal("Updated; notifications/resources/updated sent.", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Equal("version 2", Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
    }

    private async Task<string> InitializeSessionAsync(HttpClient http)
    {
        var initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"VERSION","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
        using var init = Request(HttpMethod.Post, sessionId: null, initialize.Replace("VERSION", SampleServer.SessionProtocolVersion, StringComparison.Ordinal));
        using var response = await http.SendAsync(init, Ct);
        response.EnsureSuccessStatusCode();
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = Request(HttpMethod.Post, sessionId, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        (await http.SendAsync(initialized, Ct)).Dispose();
        return sessionId;
    }

    private HttpRequestMessage Request(HttpMethod method, string? sessionId, string? body)
    {
        var request = new HttpRequestMessage(method, _server.McpEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", SampleServer.SessionProtocolVersion);
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }
}
