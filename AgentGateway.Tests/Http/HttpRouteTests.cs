using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Http;

public class HttpRouteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HttpRoute_ForwardsRemainderOfPathToDestination()
    {
        await using var echo = await EchoServer.StartAsync("legacy");
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: legacy, path: /api, http: legacy }
            http:
              legacy: { destinations: [{{echo.BaseAddress}}] }
            """);

        var response = await gw.CreateClient().GetFromJsonAsync<JsonElement>("/api/items/7?x=1", Ct);

        Assert.Equal("/api/items/7", response.GetProperty("path").GetString());
        Assert.Equal("?x=1", response.GetProperty("query").GetString());
    }

    [Fact]
    public async Task NoMatchingRoute_Returns404WithJsonError()
    {
        await using var gw = await TestGateway.StartAsync("routes: []");

        var response = await gw.CreateClient().GetAsync("/nowhere", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("not_found", body.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("/nowhere", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Routes_FirstMatchWins_AndPrefixMatchesWholeSegments()
    {
        await using var a = await EchoServer.StartAsync("a");
        await using var b = await EchoServer.StartAsync("b");
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: post-only, path: /x, methods: [POST], http: a }
              - { name: header, path: /x, headers: { x-tenant: blue }, http: a }
              - { name: any, path: /x, http: b }
            http:
              a: { destinations: [{{a.BaseAddress}}] }
              b: { destinations: [{{b.BaseAddress}}] }
            """);
        var client = gw.CreateClient();

        Assert.Equal("b", (await client.GetFromJsonAsync<JsonElement>("/x/1", Ct)).GetProperty("name").GetString());
        var post = await client.PostAsync("/x/1", new StringContent("{}"), Ct);
        Assert.Equal("a", (await post.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());
        using var tenant = new HttpRequestMessage(HttpMethod.Get, "/x");
        tenant.Headers.Add("x-tenant", "blue");
        var tenantResponse = await client.SendAsync(tenant, Ct);
        Assert.Equal("a", (await tenantResponse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xy", Ct)).StatusCode);
    }

    [Fact]
    public async Task HttpBackend_BalancesRoundRobin_AndFailsOverFromADeadDestinationWithoutErrors()
    {
        await using var a = await EchoServer.StartAsync("a");
        await using var b = await EchoServer.StartAsync("b");
        using var deadPort = new DeadPort();
        var dead = deadPort.Url;
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: pool }]
            http:
              pool: { destinations: [{{a.BaseAddress}}, {{b.BaseAddress}}, {{dead}}], reactivationPeriod: 5m }
            """);
        var client = gw.CreateClient();

        var names = new List<string>();
        var failures = 0;
        for (var i = 0; i < 12; i++)
        {
            var response = await client.GetAsync("/", Ct);
            if (response.StatusCode == HttpStatusCode.BadGateway)
            {
                failures++;
                continue;
            }

            names.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString()!);
        }

        // The dead destination refuses connections: that request goes to the next destination, then the dead one is skipped.
        Assert.Equal(0, failures);
        Assert.Contains("a", names);
        Assert.Contains("b", names);
    }

    [Fact]
    public async Task OversizeBody_Returns413_WithoutReachingBackend()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: e }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            limits: { maxRequestBodySize: 1000 }
            """);

        var declared = await gw.CreateClient().PostAsync("/", new ByteArrayContent(new byte[5000]), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(0, echo.RequestCount);

        // A chunked body has no declared length: it streams until it passes the limit, then gets a 413.
        using var chunkedContent = new StreamContent(new MemoryStream(new byte[5000]));
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/") { Content = chunkedContent };
        chunked.Headers.TransferEncodingChunked = true;
        var undeclared = await gw.CreateClient().SendAsync(chunked, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, undeclared.StatusCode);
    }

    [Fact]
    public async Task Health_And_Alive_AreServedEvenWithACatchAllRoute()
    {
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: all, path: /, http: e }]
            http: { e: { destinations: [{{echo.BaseAddress}}] } }
            """);
        var client = gw.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", Ct)).StatusCode);
        Assert.Equal(0, echo.RequestCount);
    }

    [Fact]
    public async Task RefusedConnection_SendsAStreamedPostToTheNextDestination_WithItsBody()
    {
        await using var live = await EchoServer.StartAsync("live");
        using var deadPort = new DeadPort();
        var dead = deadPort.Url;
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: pool }]
            http: { pool: { destinations: [{{dead}}, {{live.BaseAddress}}] } }
            """);
        var client = gw.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"payload {i}")));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/submit") { Content = content };
            request.Headers.TransferEncodingChunked = true;
            var response = await client.SendAsync(request, Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"payload {i}", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("body").GetString());
        }
    }
}
