using System.Net;
using System.Text.Json;

namespace AgentGateway.Tests.A2A;

/// <summary>JSON-RPC and card behaviour through the gateway, with plain HTTP from C# (both protocol versions).</summary>
[Collection(A2AAgentsGroup.Name)]
public class A2AProxyTests(A2AAgentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.Gateway.CreateClient();

    [Theory]
    [InlineData("planner", "/.well-known/agent-card.json", null)]
    [InlineData("planner", "/.well-known/agent-card.json", "1.0")]
    [InlineData("planner", "/.well-known/agent.json", null)]
    [InlineData("js", "/.well-known/agent-card.json", null)]
    [InlineData("js", "/.well-known/agent-card.json", "1.0")]
    public async Task Card_ThroughGateway_EveryInterfacePointsAtTheRoute(string agent, string cardPath, string? version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/agents/{agent}{cardPath}");
        if (version is not null)
        {
            request.Headers.Add("A2A-Version", version);
        }

        using var response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A2A-Version", response.Headers.Vary);
        var card = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var route = new Uri(fixture.Gateway.BaseAddress, $"/agents/{agent}").ToString();
        var urls = InterfaceUrls(card).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.StartsWith(route, url, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Planner.BaseAddress.Authority, card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Js.BaseAddress.Authority, card.GetRawText(), StringComparison.Ordinal);

        // The agent answered per A2A-Version (the header was passed through): v1.0 cards have no top-level url.
        Assert.Equal(version is null, card.TryGetProperty("url", out _));
    }

    [Fact]
    public async Task JsonRpcV03_SendGetStreamCancelResubscribe_ThroughGateway()
    {
        var sent = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "message/send", A2AHttp.V03Message("pack, fly"), id: "req-7", ct: Ct);
        Assert.Equal("req-7", sent.GetProperty("id").GetString());
        var task = sent.GetProperty("result");
        Assert.Equal("task", task.GetProperty("kind").GetString());
        Assert.Equal("completed", task.GetProperty("status").GetProperty("state").GetString());
        var taskId = task.GetProperty("id").GetString()!;

        var got = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "tasks/get", new { id = taskId }, ct: Ct);
        Assert.Equal(taskId, got.GetProperty("result").GetProperty("id").GetString());

        var events = await A2AHttp.StreamAsync(Client, "/agents/planner", "message/stream", A2AHttp.V03Message("stream 3"), ct: Ct).ToListAsync(Ct);
        Assert.Equal("task", events[0].GetProperty("result").GetProperty("kind").GetString());
        Assert.True(events[^1].GetProperty("result").GetProperty("final").GetBoolean());
        Assert.Equal("completed", events[^1].GetProperty("result").GetProperty("status").GetProperty("state").GetString());

        // A waiting task: resubscribe, cancel, and the resubscription ends with the cancellation.
        var waiting = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "message/send",
            A2AHttp.V03Message("wait", blocking: false), ct: Ct);
        var waitingId = waiting.GetProperty("result").GetProperty("id").GetString()!;
        await using var resubscribe = A2AHttp.StreamAsync(Client, "/agents/planner", "tasks/resubscribe", new { id = waitingId }, ct: Ct).GetAsyncEnumerator(Ct);
        Assert.True(await resubscribe.MoveNextAsync());
        Assert.Equal(waitingId, resubscribe.Current.GetProperty("result").GetProperty("id").GetString());

        var canceled = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "tasks/cancel", new { id = waitingId }, ct: Ct);
        Assert.Equal("canceled", canceled.GetProperty("result").GetProperty("status").GetProperty("state").GetString());
        JsonElement last = default;
        while (await resubscribe.MoveNextAsync())
        {
            last = resubscribe.Current;
        }

        Assert.Equal("canceled", last.GetProperty("result").GetProperty("status").GetProperty("state").GetString());

        var again = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "tasks/cancel", new { id = waitingId }, ct: Ct);
        Assert.Equal(-32002, again.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task JsonRpcV1_SendGetListStreamCancelSubscribe_ThroughGateway()
    {
        var sent = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "SendMessage", A2AHttp.V1Message("pack, fly"), version: "1.0", ct: Ct);
        var task = sent.GetProperty("result").GetProperty("task");
        Assert.Equal("TASK_STATE_COMPLETED", task.GetProperty("status").GetProperty("state").GetString());
        var taskId = task.GetProperty("id").GetString()!;
        var contextId = task.GetProperty("contextId").GetString()!;

        var got = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "GetTask", new { id = taskId }, version: "1.0", ct: Ct);
        Assert.Equal(taskId, got.GetProperty("result").GetProperty("id").GetString());

        var listed = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "ListTasks", new { contextId }, version: "1.0", ct: Ct);
        Assert.Equal(taskId, Assert.Single(listed.GetProperty("result").GetProperty("tasks").EnumerateArray()).GetProperty("id").GetString());

        var events = await A2AHttp.StreamAsync(Client, "/agents/planner", "SendStreamingMessage", A2AHttp.V1Message("stream 3"), "1.0", Ct).ToListAsync(Ct);
        Assert.True(events[0].GetProperty("result").TryGetProperty("task", out _));
        Assert.Equal("TASK_STATE_COMPLETED", events[^1].GetProperty("result").GetProperty("statusUpdate").GetProperty("status").GetProperty("state").GetString());

        var waiting = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "SendMessage", A2AHttp.V1Message("wait", returnImmediately: true), version: "1.0", ct: Ct);
        var waitingId = waiting.GetProperty("result").GetProperty("task").GetProperty("id").GetString()!;
        await using var subscription = A2AHttp.StreamAsync(Client, "/agents/planner", "SubscribeToTask", new { id = waitingId }, "1.0", Ct).GetAsyncEnumerator(Ct);
        Assert.True(await subscription.MoveNextAsync());
        Assert.Equal(waitingId, subscription.Current.GetProperty("result").GetProperty("task").GetProperty("id").GetString());

        var canceled = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "CancelTask", new { id = waitingId }, version: "1.0", ct: Ct);
        Assert.Equal("TASK_STATE_CANCELED", canceled.GetProperty("result").GetProperty("status").GetProperty("state").GetString());
        JsonElement last = default;
        while (await subscription.MoveNextAsync())
        {
            last = subscription.Current;
        }

        Assert.Equal("TASK_STATE_CANCELED", last.GetProperty("result").GetProperty("statusUpdate").GetProperty("status").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Stream100_ArrivesInOrderAndUnbuffered()
    {
        var texts = new List<string>();
        string? stateWhenFirstEventArrived = null;
        await foreach (var ev in A2AHttp.StreamAsync(Client, "/agents/planner", "SendStreamingMessage", A2AHttp.V1Message("stream 100"), "1.0", Ct))
        {
            var result = ev.GetProperty("result");
            if (!result.TryGetProperty("statusUpdate", out var update) || !update.GetProperty("status").TryGetProperty("message", out var message))
            {
                continue;
            }

            var text = message.GetProperty("parts")[0].GetProperty("text").GetString()!;
            texts.Add(text);
            if (text == "event 1")
            {
                // Causal, not timed: while we hold event 1, the agent has not finished the task, so the gateway
                // forwarded this event before the agent produced the last one.
                var got = await A2AHttp.JsonRpcAsync(Client, "/agents/planner", "GetTask", new { id = update.GetProperty("taskId").GetString() }, version: "1.0", ct: Ct);
                stateWhenFirstEventArrived = got.GetProperty("result").GetProperty("status").GetProperty("state").GetString();
            }
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"event {i}").Append("streamed 100 events"), texts);
        Assert.Equal("TASK_STATE_WORKING", stateWhenFirstEventArrived);
    }

    [Fact]
    public async Task MalformedJson_ReturnsParseError()
    {
        var response = await A2AHttp.PostRawAsync(Client, "/agents/planner", "{\"jsonrpc\":\"2.0\",\"id\":1,", ct: Ct);

        Assert.Equal(-32700, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("id").ValueKind);
    }

    [Theory]
    [InlineData("[1,2]", null)]
    [InlineData("\"text\"", null)]
    [InlineData("{\"id\":5,\"method\":\"message/send\"}", 5)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":6,\"method\":\"message/send\"}", 6)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":7}", 7)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":42}", 8)]
    public async Task InvalidRequest_ReturnsInvalidRequestKeepingTheId(string body, int? id)
    {
        var response = await A2AHttp.PostRawAsync(Client, "/agents/planner", body, ct: Ct);

        Assert.Equal(-32600, response.GetProperty("error").GetProperty("code").GetInt32());
        if (id is null)
        {
            Assert.Equal(JsonValueKind.Null, response.GetProperty("id").ValueKind);
        }
        else
        {
            Assert.Equal(id, response.GetProperty("id").GetInt32());
        }
    }

    [Fact]
    public async Task UnreachableAgent_JsonRpc_ReturnsErrorNamingTheAgent()
    {
        var response = await A2AHttp.JsonRpcAsync(Client, "/agents/down", "message/send", A2AHttp.V03Message("hi"), id: "x-1", ct: Ct);

        Assert.Equal("x-1", response.GetProperty("id").GetString());
        Assert.Equal(-32041, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("'down'", response.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/agents/down/v1/tasks/abc")]
    [InlineData("POST", "/agents/down/message:send")]
    [InlineData("GET", "/agents/down/.well-known/agent-card.json")]
    public async Task UnreachableAgent_RestAndCard_Return502NamingTheAgent(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains("'down'", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> InterfaceUrls(JsonElement card)
    {
        if (card.TryGetProperty("url", out var url))
        {
            yield return url.GetString()!;
        }

        foreach (var name in new[] { "additionalInterfaces", "supportedInterfaces" })
        {
            if (card.TryGetProperty(name, out var list))
            {
                foreach (var item in list.EnumerateArray())
                {
                    yield return item.GetProperty("url").GetString()!;
                }
            }
        }
    }
}
