using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.ScaleOut;

/// <summary>
/// SSE events are kept in Redis: a client whose tools/call stream is cut reconnects with <c>Last-Event-ID</c> to
/// another replica and gets the rest of the stream — the remaining progress and the result — once each.
/// </summary>
public class ResumableStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CutToolCallStream_ResumedOnAnotherReplica_DeliversTheRestOnce()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var upstream = await TestMcpServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString };
        var yaml = McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url), extra: "sessions: { store: redis, ttl: 10m }\n");
        await using var first = await TestGateway.StartAsync(yaml, settings);
        await using var second = await TestGateway.StartAsync(yaml, settings);
        using var http1 = first.CreateClient();
        using var http2 = second.CreateClient();

        var sessionId = await InitializeAsync(http1);
        const int steps = 15;
        var seen = new List<SseEvent>();
        using (var call = Post(sessionId, """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"countdown","arguments":{"n":STEPS},"_meta":{"progressToken":"p"}}}""".Replace("STEPS", $"{steps}", StringComparison.Ordinal)))
        using (var response = await http1.SendAsync(call, HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync(Ct);
            await foreach (var e in ReadEventsAsync(body))
            {
                seen.Add(e);
                if (seen.Count(x => x.Method == "notifications/progress") == 2)
                {
                    break; // the connection drops here
                }
            }
        }

        var lastEventId = seen.Last(e => e.Id is not null).Id!;
        using var resume = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        resume.Headers.Add("Mcp-Session-Id", sessionId);
        resume.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        resume.Headers.Add("Last-Event-ID", lastEventId);
        resume.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var resumed = await http2.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        await using (var body = await resumed.Content.ReadAsStreamAsync(Ct))
        {
            await foreach (var e in ReadEventsAsync(body))
            {
                seen.Add(e);
                if (e.IsResponse)
                {
                    break;
                }
            }
        }

        var progress = seen.Where(e => e.Method == "notifications/progress").Select(e => e.Json!.RootElement.GetProperty("params").GetProperty("progress").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, steps), progress); // every step, in order, none twice
        var result = Assert.Single(seen, e => e.IsResponse);
        Assert.Contains("liftoff", result.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageLastEventId_IsAClientError_NotAServerError()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var upstream = await TestMcpServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString };
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url), extra: "sessions: { store: redis }\n"), settings);
        using var http = gw.CreateClient();
        var sessionId = await InitializeAsync(http);

        using var resume = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        resume.Headers.Add("Mcp-Session-Id", sessionId);
        resume.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        resume.Headers.Add("Last-Event-ID", "not-an-event");
        resume.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(resume, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Last-Event-ID", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task<string> InitializeAsync(HttpClient http)
    {
        using var init = Post(null, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
        using var response = await http.SendAsync(init, Ct);
        response.EnsureSuccessStatusCode();
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = Post(sessionId, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        (await http.SendAsync(initialized, Ct)).EnsureSuccessStatusCode();
        return sessionId;
    }

    private static HttpRequestMessage Post(string? sessionId, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        return request;
    }

    private static async IAsyncEnumerable<SseEvent> ReadEventsAsync(Stream body)
    {
        using var reader = new StreamReader(body);
        string? id = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 || id is not null)
                {
                    yield return new SseEvent(id, data.ToString());
                }

                id = null;
                data.Clear();
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line[5..].TrimStart());
            }
        }
    }

    private sealed record SseEvent(string? Id, string Data)
    {
        public JsonDocument? Json { get; } = Data.StartsWith('{') ? JsonDocument.Parse(Data) : null;

        public string? Method => Json?.RootElement.TryGetProperty("method", out var m) == true ? m.GetString() : null;

        public bool IsResponse => Json?.RootElement.TryGetProperty("id", out _) == true && Method is null;
    }
}
