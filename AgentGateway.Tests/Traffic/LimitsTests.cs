using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Traffic;

public class LimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RouteBodyLimit_OverridesTheGlobalLimit()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: small, path: /small, http: b, policies: [tiny] }
              - { name: big, path: /big, http: b, policies: [large] }
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            limits: { maxRequestBodySize: 100 }
            policies:
              tiny: { limits: { maxRequestBodySize: 10 } }
              large: { limits: { maxRequestBodySize: 1000 } }
            """);
        var client = gw.CreateClient();
        var fifty = new string('x', 50);

        var small = await client.PostAsync("/small", new StringContent(fifty), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, small.StatusCode);
        Assert.Contains("10 bytes", (await small.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/big", new StringContent(new string('x', 500)), Ct)).StatusCode);
    }

    [Fact]
    public async Task MaxConcurrentRequests_ExtraRequestGets503_UntilOneFinishes()
    {
        var (echo, entered, release) = await StartHoldingEchoAsync();
        await using var _ = echo;
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: narrow, path: /, http: b, policies: [one] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies: { one: { limits: { maxConcurrentRequests: 1 } } }
            """);
        var client = gw.CreateClient();

        var held = client.GetAsync("/hold", Ct);
        await entered.Task.WaitAsync(Ct);
        var rejected = await client.GetAsync("/other", Ct);
        release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Equal("too_many_concurrent_requests", (await rejected.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/after", Ct)).StatusCode);
    }

    [Fact]
    public async Task MaxConcurrentRequests_ReloadThatGivesTheRouteOtherSteps_StillCountsItsRequestsInFlight()
    {
        var (echo, entered, release) = await StartHoldingEchoAsync();
        await using var _ = echo;
        var yaml = $$"""
            routes: [{ name: narrow, path: /, http: b, policies: [one] }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            policies: { one: { limits: { maxConcurrentRequests: 1 } } }
            """;
        await using var gw = await TestGateway.StartAsync(yaml);
        var client = gw.CreateClient();
        var held = client.GetAsync("/hold", Ct);
        await entered.Task.WaitAsync(Ct);

        // Header rules give the route a pipeline of other steps; the request it already has in flight must still count.
        Assert.True(await gw.RewriteConfigAsync(
            yaml.Replace("maxConcurrentRequests: 1 }", "maxConcurrentRequests: 1 }, headers: { request: { set: { x-a: b } } }", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10)));
        var rejected = await client.GetAsync("/other", Ct);
        release.SetResult();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
    }

    [Fact]
    public async Task MaxRequestHeadersTotalSize_RejectsOversizedHeaders_With431()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: b }]
            http: { b: { destinations: [{{echo.BaseAddress}}] } }
            limits: { maxRequestHeadersTotalSize: 4096 }
            """);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.Add("X-Big", new string('a', 8000));
        var response = await gw.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gw.CreateClient().GetAsync("/x", Ct)).StatusCode);
    }

    /// <summary>An echo server that holds each request to <c>/hold</c> until <c>release</c>, and says when one has arrived.</summary>
    private static async Task<(EchoServer Echo, TaskCompletionSource Entered, TaskCompletionSource Release)> StartHoldingEchoAsync()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var echo = await EchoServer.StartAsync(intercept: async ctx =>
        {
            if (ctx.Request.Path == "/hold")
            {
                entered.TrySetResult();
                await release.Task.WaitAsync(ctx.RequestAborted);
            }

            return false;
        });
        return (echo, entered, release);
    }
}
