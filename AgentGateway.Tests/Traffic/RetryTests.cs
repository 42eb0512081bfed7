using System.Net;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Traffic;

public class RetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A backend answering 503 to its first <paramref name="failures"/> requests, then echoing.</summary>
    private static Task<EchoServer> FlakyAsync(int failures, int status = StatusCodes.Status503ServiceUnavailable)
    {
        var seen = 0;
        return EchoServer.StartAsync(intercept: async ctx =>
        {
            if (Interlocked.Increment(ref seen) > failures)
            {
                return false;
            }

            ctx.Response.StatusCode = status;
            await ctx.Response.WriteAsync("busy", ctx.RequestAborted);
            return true;
        });
    }

    private static string Yaml(EchoServer echo, string retries) => $$"""
        routes: [{ name: r, path: /, http: b, policies: [retry] }]
        http: { b: { destinations: [{{echo.BaseAddress}}] } }
        policies: { retry: { retries: {{retries}} } }
        """;

    [Fact]
    public async Task Get_FailingTwiceThenSucceeding_IsRetried()
    {
        await using var echo = await FlakyAsync(2);
        await using var gw = await TestGateway.StartAsync(Yaml(echo, "{ attempts: 3, backoff: 10ms }"));

        var response = await gw.CreateClient().GetAsync("/items", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"path\":\"/items\"", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(3, echo.RequestCount);
    }

    [Fact]
    public async Task Post_FailingOnce_IsNotRetried()
    {
        await using var echo = await FlakyAsync(2);
        await using var gw = await TestGateway.StartAsync(Yaml(echo, "{ attempts: 3, backoff: 10ms }"));

        var response = await gw.CreateClient().PostAsync("/items", new StringContent("{\"a\":1}"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("busy", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, echo.RequestCount);
    }

    [Fact]
    public async Task Post_WithNonIdempotentEnabled_IsRetried_WithItsBodyReplayed()
    {
        await using var echo = await FlakyAsync(1);
        await using var gw = await TestGateway.StartAsync(Yaml(echo, "{ attempts: 2, backoff: 10ms, nonIdempotent: true }"));

        var response = await gw.CreateClient().PostAsync("/items", new StringContent("{\"a\":1}"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\\u0022a\\u0022:1", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, echo.RequestCount);
    }

    [Fact]
    public async Task Get_FailingMoreThanTheAttempts_ReturnsTheLastFailure()
    {
        await using var echo = await FlakyAsync(5);
        await using var gw = await TestGateway.StartAsync(Yaml(echo, "{ attempts: 2, backoff: 10ms }"));

        var response = await gw.CreateClient().GetAsync("/items", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(2, echo.RequestCount);
    }

    [Fact]
    public async Task Get_ToADeadDestination_IsRetriedOnTheNextOne()
    {
        await using var echo = await EchoServer.StartAsync();
        using var deadPort = new DeadPort();
        var dead = deadPort.Url;
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: b, policies: [retry] }]
            http: { b: { destinations: [{{dead}}, {{echo.BaseAddress}}] } }
            policies: { retry: { retries: { attempts: 2, backoff: 0ms } } }
            """);
        var client = gw.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/x", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task ConfiguredStatusCodes_ReplaceTheDefaults()
    {
        await using var flaky500 = await FlakyAsync(1, StatusCodes.Status500InternalServerError);
        await using var gw = await TestGateway.StartAsync(Yaml(flaky500, "{ attempts: 2, backoff: 0ms, statusCodes: [500] }"));

        Assert.Equal(HttpStatusCode.OK, (await gw.CreateClient().GetAsync("/x", Ct)).StatusCode);
        Assert.Equal(2, flaky500.RequestCount);
    }

    [Fact]
    public async Task StatusNotInTheList_IsNotRetried()
    {
        await using var flaky500 = await FlakyAsync(1, StatusCodes.Status500InternalServerError);
        await using var gw = await TestGateway.StartAsync(Yaml(flaky500, "{ attempts: 3, backoff: 0ms }"));

        Assert.Equal(HttpStatusCode.InternalServerError, (await gw.CreateClient().GetAsync("/x", Ct)).StatusCode);
        Assert.Equal(1, flaky500.RequestCount);
    }

    [Fact]
    public async Task ChunkedBody_OfUnknownLength_IsNotRetried_EvenWhenPostIsAllowed()
    {
        await using var echo = await FlakyAsync(1);
        await using var gw = await TestGateway.StartAsync(Yaml(echo, "{ attempts: 3, backoff: 0ms, nonIdempotent: true }"));

        using var content = new StreamContent(new MemoryStream("{\"a\":1}"u8.ToArray()));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await gw.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, echo.RequestCount);
    }
}
