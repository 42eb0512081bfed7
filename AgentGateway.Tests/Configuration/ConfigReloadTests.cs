using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Configuration;

public class ConfigReloadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Config(Uri destination, string path) => $$"""
        routes: [{ name: r, path: {{path}}, http: b }]
        http: { b: { destinations: [{{destination}}] } }
        """;

    [Fact]
    public async Task ValidEdit_ChangesRoutingWithinTwoSeconds()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress, "/old"));
        var client = gw.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/old", Ct)).StatusCode);

        Assert.True(await gw.RewriteConfigAsync(Config(echo.BaseAddress, "/new")), "the edit was not picked up within 2 s");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/old", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/new", Ct)).StatusCode);
    }

    [Fact]
    public async Task BrokenEdit_IsRejected_AndTheOldConfigKeepsServing()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(Config(echo.BaseAddress, "/old"));
        var client = gw.CreateClient();

        Assert.False(await gw.RewriteConfigAsync("routes: [{ name: r, path: /x, mcp: nothing }]"));
        Assert.False(await gw.RewriteConfigAsync("routes: [ {{{ not yaml"));
        Assert.False(await gw.RewriteConfigAsync(""));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/old", Ct)).StatusCode);
        Assert.True(await gw.RewriteConfigAsync(Config(echo.BaseAddress, "/fixed")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fixed", Ct)).StatusCode);
    }

    [Fact]
    public async Task InFlightRequest_FinishesOnTheConfigItStartedWith()
    {
        var release = new TaskCompletionSource();
        await using var slow = await EchoServer.StartAsync("slow", async ctx =>
        {
            await release.Task;
            return false;
        });
        await using var gw = await TestGateway.StartAsync(Config(slow.BaseAddress, "/a"));
        var client = gw.CreateClient();

        var inFlight = client.GetAsync("/a/1", Ct);
        await Task.Delay(200, Ct);
        Assert.True(await gw.RewriteConfigAsync("routes: []"));
        release.SetResult();
        var response = await inFlight;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("slow", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/a/1", Ct)).StatusCode);
    }
}
