using AgentGateway.AppHost.Hosting;

namespace AgentGateway.Tests.AppHost;

public class DashboardResourcesApiTests
{
    [Fact]
    public async Task ResourcesAndConsoleApi_ShowStateUrlsAndLiveLines()
    {
        var ct = TestContext.Current.CancellationToken;
        const string script = "console.log('hello from web'); console.error('a warning line');" + AppHostScripts.HttpServer;
        await using var app = await DashboardTestApp.StartAsync(
            b => b.AddExecutable("web", "node", ".", "-e", script).WithHttpHealthCheck("/health").WithExternalHttpEndpoints(), ct);
        await app.WaitForResourceHealthyAsync("web", ct);

        var resources = await app.GetJsonAsync("/api/resources", ct);
        var web = Assert.Single(resources.EnumerateArray());
        Assert.Equal("web", web.GetProperty("name").GetString());
        Assert.Equal("Healthy", web.GetProperty("state").GetString());
        Assert.Equal(app.GetResource("web").ProcessId, web.GetProperty("processId").GetInt32());
        Assert.Equal(app.GetEndpoint("web").ToString().TrimEnd('/'), web.GetProperty("urls")[0].GetProperty("url").GetString());

        var lines = await app.GetJsonAsync("/api/logs/web", ct);
        var texts = lines.EnumerateArray().Select(l => (Text: l.GetProperty("text").GetString(), Err: l.GetProperty("isError").GetBoolean())).ToList();
        Assert.Contains(("hello from web", false), texts);
        Assert.Contains(("a warning line", true), texts);
        var last = lines.EnumerateArray().Max(l => l.GetProperty("sequence").GetInt64());
        Assert.Equal(0, (await app.GetJsonAsync($"/api/logs/web?after={last}", ct)).GetArrayLength());
    }

    [Fact]
    public async Task DashboardPages_AreServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DashboardTestApp.StartAsync(_ => { }, ct);
        using var http = new HttpClient { BaseAddress = app.Dashboard() };

        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        using var js = await http.GetAsync(new Uri("/app.js", UriKind.Relative), ct);
        using var missing = await http.GetAsync(new Uri("/nope.html", UriKind.Relative), ct);

        Assert.Contains("<script src=\"app.js\">", html);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }
}
