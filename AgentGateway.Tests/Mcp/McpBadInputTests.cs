using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Mcp;

/// <summary>Bad requests get the right HTTP status or JSON-RPC error — never a 500 or a hang.</summary>
public sealed class McpBadInputTests : IAsyncLifetime
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    private TestMcpServer _http = null!;
    private TestGateway _gateway = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _http = await TestMcpServer.StartAsync();
        _gateway = await TestGateway.StartAsync(
            McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", _http.Url), extra: "limits: { maxRequestBodySize: 4096 }\n"),
            configure: TestUser.Install);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _http.DisposeAsync();
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400WithJsonRpcError()
    {
        using var response = await PostAsync("{ this is not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("2.0", (await JsonBody(response)).GetProperty("jsonrpc").GetString());
    }

    [Fact]
    public async Task Request_UnknownMethod_ReturnsMethodNotFound()
    {
        await using var client = await McpTestClient.ConnectAsync(_gateway);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.SendRequestAsync(new JsonRpcRequest { Method = "no/such/method" }, Ct));

        Assert.Equal(McpErrorCode.MethodNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task Post_UnknownSessionId_Returns404()
    {
        using var response = await PostAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", sessionId: "not-a-session");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await JsonBody(response)).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Post_SessionOfAnotherPrincipal_Returns403()
    {
        using var init = await PostAsync(Initialize, user: "alice");
        Assert.Equal(HttpStatusCode.OK, init.StatusCode);
        var sessionId = init.Headers.GetValues("Mcp-Session-Id").Single();

        using var asBob = await PostAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", sessionId: sessionId, user: "bob");
        using var anonymous = await PostAsync("""{"jsonrpc":"2.0","id":3,"method":"tools/list"}""", sessionId: sessionId);

        Assert.Equal(HttpStatusCode.Forbidden, asBob.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.True((await JsonBody(asBob)).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Post_OversizeBody_Returns413()
    {
        var big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{\"pad\":\"" + new string('x', 10_000) + "\"}}}";

        using var response = await PostAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ForeignOrigin_Returns403_LocalhostOriginAllowed()
    {
        using var foreign = await PostAsync(Initialize, origin: "http://evil.example");
        using var local = await PostAsync(Initialize, origin: "http://localhost:3000");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownSubPath_Returns404_WrongMethod_Returns405()
    {
        using var http = _gateway.CreateClient();

        using var unknown = await http.GetAsync(new Uri("/mcp/nothing/here", UriKind.Relative), Ct);
        using var put = await http.PutAsync(new Uri("/mcp", UriKind.Relative), new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }

    [Theory]
    [InlineData("{ this is not json", 400)]
    [InlineData("""{"jsonrpc":"2.0","id":""", 400)]
    [InlineData("""[{"jsonrpc":"2.0","id":9,"result":{}}]""", 400)]
    [InlineData("""{"jsonrpc":"2.0","id":"agw-gone-1","result":{}}""", 202)]
    [InlineData("""{"jsonrpc":"2.0","id":"agw-gone-2","error":{"code":-1,"message":"no"}}""", 202)]
    public async Task Post_InALiveSession_BrokenBodiesAndStrayAnswers_AreAnsweredAndTheSessionCarriesOn(string body, int status)
    {
        using var init = await PostAsync(Initialize);
        var sessionId = init.Headers.GetValues("Mcp-Session-Id").Single();
        using (await PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", sessionId))
        {
        }

        // Every body of a session POST is looked at first (is it the client's answer to a server request?).
        using var response = await PostAsync(body, sessionId);
        using var list = await PostAsync("""{"jsonrpc":"2.0","id":3,"method":"tools/list"}""", sessionId);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True((await JsonBody(list)).GetProperty("result").GetProperty("tools").GetArrayLength() > 0);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? sessionId = null, string? user = null, string? origin = null)
    {
        using var http = _gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        if (user is not null)
        {
            request.Headers.Add(TestUser.Header, user);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
    }

    /// <summary>The JSON-RPC message of a response that is plain JSON or a one-event SSE stream.</summary>
    private static async Task<JsonElement> JsonBody(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        var data = text.Split('\n').FirstOrDefault(l => l.StartsWith("data:", StringComparison.Ordinal));
        return JsonDocument.Parse(data is null ? text : data["data:".Length..]).RootElement.Clone();
    }
}
