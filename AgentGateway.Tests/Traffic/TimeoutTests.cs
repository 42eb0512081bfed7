using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Traffic;

public class TimeoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Func<HttpContext, Task<bool>> Slow(TimeSpan delay) => async ctx =>
    {
        await Task.Delay(delay, ctx.RequestAborted);
        await ctx.Response.WriteAsync("late", ctx.RequestAborted);
        return true;
    };

    /// <summary>An SSE backend sending <paramref name="events"/> events, one every <paramref name="interval"/>.</summary>
    private static Func<HttpContext, Task<bool>> Sse(int events, TimeSpan interval) => async ctx =>
    {
        ctx.Response.ContentType = "text/event-stream";
        for (var i = 0; i < events; i++)
        {
            await ctx.Response.WriteAsync($"data: {i}\n\n", ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            await Task.Delay(interval, ctx.RequestAborted);
        }

        return true;
    };

    [Fact]
    public async Task SlowBackend_OnHttpRoute_Gets504InOpenAiErrorShape()
    {
        await using var echo = await EchoServer.StartAsync(intercept: Slow(TimeSpan.FromSeconds(10)));
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: slow, path: /, http: b, policies: [quick] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies: { quick: { timeouts: { request: 500ms } } }
            """);

        var response = await gw.CreateClient().GetAsync("/x", Ct);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error");
        Assert.Equal("gateway_timeout", error.GetProperty("type").GetString());
        Assert.Contains("slow", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task SlowHandler_OnMcpRoute_Gets504AsJsonRpcError()
    {
        await using var gw = await TestGateway.StartAsync("""
            routes: [{ name: tools, path: /mcp, mcp: tools, policies: [quick] }]
            mcp: { tools: { targets: [{ name: t, url: "http://127.0.0.1:1/mcp" }] } }
            policies: { quick: { timeouts: { request: 500ms } } }
            """, configure: DelegateBackendHandler.Register("mcp", async ctx =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
                await ctx.Response.WriteAsync("late", ctx.RequestAborted);
            }));

        var response = await gw.CreateClient().PostAsync("/mcp", new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("2.0", body.GetProperty("jsonrpc").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("id").ValueKind);
        Assert.Equal(-32000, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task SseStream_LongerThanTheRequestTimeout_IsNotCut_WhileEventsKeepComing()
    {
        // 15 events 200 ms apart: a 3 s stream through a 1 s request timeout.
        await using var echo = await EchoServer.StartAsync(intercept: Sse(15, TimeSpan.FromMilliseconds(200)));
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: stream, path: /, http: b, policies: [quick] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies: { quick: { timeouts: { request: 1s, idle: 2s } } }
            """);

        var body = await gw.CreateClient().GetStringAsync("/events", Ct);

        Assert.Equal(15, body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("data: 14\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SseStream_SilentLongerThanTheIdleTimeout_IsAborted()
    {
        await using var echo = await EchoServer.StartAsync(intercept: async ctx =>
        {
            ctx.Response.ContentType = "text/event-stream";
            await ctx.Response.WriteAsync("data: first\n\n", ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(20), ctx.RequestAborted);
            await ctx.Response.WriteAsync("data: never\n\n", ctx.RequestAborted);
            return true;
        });
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: stream, path: /, http: b, policies: [quick] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies: { quick: { timeouts: { request: 30s, idle: 500ms } } }
            """);

        using var response = await gw.CreateClient().GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        using var reader = new StreamReader(stream);

        Assert.Equal("data: first", await reader.ReadLineAsync(Ct));
        // The idle timeout aborts the connection: the body ends with an error, never with the next event.
        await Assert.ThrowsAnyAsync<IOException>(async () => await reader.ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task BackendTimeout_LimitsEachTry_AndAnswers504()
    {
        await using var echo = await EchoServer.StartAsync(intercept: Slow(TimeSpan.FromSeconds(10)));
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: slow, path: /, http: b, policies: [quick] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies: { quick: { timeouts: { backend: 300ms } } }
            """);

        var response = await gw.CreateClient().GetAsync("/x", Ct);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("gateway_timeout", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("type").GetString());
    }
}
