using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.Mcp.Endpoint;

/// <summary>
/// A complete tools/list on a session open on this replica is answered by the runtime from the targets' cached lists
/// (one JSON answer, serialized once per list change) instead of the SDK's pipeline: same items, Cedar still per
/// caller, the client's id echoed as written; anything else goes to the SDK as before; and a session that only lists
/// is still seen by the SDK often enough not to be ended as idle. Raw HTTP, so the answer's form is visible.
/// </summary>
public sealed class ToolListAnswerTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondCompleteList_IsOneJsonAnswer_WithTheSdksItems()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("one", upstream.Url) + McpTestClient.UrlTarget("two", upstream.Url)));
        using var http = gw.CreateClient();
        var session = await OpenAsync(http);

        await PostAsync(http, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", session); // the session's upstream side is ready
        var (sdkType, sdk) = await PostAsync(http, """{"jsonrpc":"2.0","id":3,"method":"tools/list","params":{"cursor":null}}""", session);
        var (fastType, fast) = await PostAsync(http, """{"jsonrpc":"2.0","id":3,"method":"tools/list","params":{"_meta":{"trace":"x"}}}""", session);

        Assert.Equal("text/event-stream", sdkType); // a cursor (even null) is the SDK's to read
        Assert.Equal("application/json", fastType);
        Assert.Equal(3, fast["id"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(sdk["result"], fast["result"]), $"{sdk["result"]} vs {fast["result"]}");
        Assert.Contains("one_add", Names(fast));
        Assert.Contains("two_add", Names(fast));
    }

    [Fact]
    public async Task Forbid_HoldsOnTheRuntimesAnswer_ForCallersAlternating_AndOddIdsComeBackAsWritten()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        var yaml = McpTestClient.AliceAndBobYaml(upstream.Url);
        await using var gw = await TestGateway.StartAsync(yaml);
        using var alice = gw.CreateClient();
        alice.DefaultRequestHeaders.Add("x-api-key", "alice-key");
        using var bob = gw.CreateClient();
        bob.DefaultRequestHeaders.Add("x-api-key", "bob-key");
        var aliceSession = await OpenAsync(alice);
        var bobSession = await OpenAsync(bob);
        await PostAsync(alice, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", aliceSession);
        await PostAsync(bob, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", bobSession);

        string[] ids = ["\"b\\u006fb-1\"", "\"\"", "9007199254740993", "\"\\ud83d\\ude00\"", "-0"];
        foreach (var id in ids)
        {
            var (aliceType, forAlice) = await PostAsync(alice, $$"""{"params":{},"method":"tools/list","id":{{id}},"jsonrpc":"2.0"}""", aliceSession);
            var (bobType, forBob) = await PostAsync(bob, """{"jsonrpc":"2.0","id":""" + id + ""","method":"tools/list","params":{"_meta":{"progressToken":null,"x":1.5e300}}}""", bobSession);

            Assert.Equal("application/json", aliceType);
            Assert.Equal("application/json", bobType);
            Assert.Contains("secret", Names(forAlice));
            Assert.DoesNotContain("secret", Names(forBob));
            Assert.Contains("add", Names(forBob));
            Assert.Equal(JsonNode.Parse(id)!.ToJsonString(), forBob["id"]!.ToJsonString());
        }
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"tools/list","params":{"cursor":"bogus"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"tools/list","params":{"other":1}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"tools\/list"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"prompts/list"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"tools/list","method":"tools/list"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"tools/list"}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":5,"method":"tools/list"}]""")]
    public async Task RequestsOutsideThePlainCase_AreAnsweredByTheSdk(string body)
    {
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url)));
        using var http = gw.CreateClient();
        var session = await OpenAsync(http);
        await PostAsync(http, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", session);

        using var response = await SendAsync(http, body, session);

        // The SDK answers a request as an event stream and refuses what it cannot read with a 400: either way not the runtime's JSON answer.
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType == "text/event-stream",
            $"{(int)response.StatusCode} {response.Content.Headers.ContentType}");
        var (_, after) = await PostAsync(http, """{"jsonrpc":"2.0","id":6,"method":"tools/list"}""", session);
        Assert.Contains("add", Names(after)); // and the session carries on
    }

    [Fact]
    public async Task ASessionThatOnlyLists_IsNotEndedAsIdle_ByTheSdk_NotEvenOnThisReplica()
    {
        await using var upstream = await TestMcpServer.StartAsync();
        var log = new CapturingLoggerProvider();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", upstream.Url), extra: "sessions: { ttl: 2s }\n"),
            configure: b => b.Logging.AddProvider(log).AddFilter<CapturingLoggerProvider>("AgentGateway.Mcp", LogLevel.Debug));
        using var http = gw.CreateClient();
        var session = await OpenAsync(http);

        // Listing every 300 ms for 12 s: the SDK drops sessions it has not seen for the 2 s TTL, checking every 5 s.
        var answered = 0;
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(12); answered++)
        {
            using var response = await SendAsync(http, """{"jsonrpc":"2.0","id":7,"method":"tools/list"}""", session);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"list {answered}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            await Task.Delay(300, Ct);
        }

        Assert.True(answered > 20, $"{answered} lists");
        // Not even this replica's copy idled out (which the store's live record would have survived, at the cost of a migration).
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains(session, StringComparison.Ordinal) && e.Message.Contains("ended", StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> Names(JsonNode answer) =>
        [.. answer["result"]!["tools"]!.AsArray().Select(static t => t!["name"]!.GetValue<string>())];

    private static async Task<string> OpenAsync(HttpClient http)
    {
        using var init = await SendAsync(http, Initialize, null);
        Assert.Equal(HttpStatusCode.OK, init.StatusCode);
        var session = init.Headers.GetValues("Mcp-Session-Id").Single();
        using (await SendAsync(http, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", session))
        {
        }

        return session;
    }

    private static async Task<(string? MediaType, JsonNode Message)> PostAsync(HttpClient http, string body, string session)
    {
        using var response = await SendAsync(http, body, session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var data = text.Split('\n').LastOrDefault(l => l.StartsWith("data:", StringComparison.Ordinal));
        return (response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(data is null ? text : data["data:".Length..])!);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string body, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
        }

        return await http.SendAsync(request, Ct);
    }
}
