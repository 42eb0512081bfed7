using System.Net;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// JWKS fetching under load, against a real HTTP JWKS server that counts its requests: concurrent tokens
/// share one fetch, and a failed fetch or an unknown kid is remembered for 10 s (at most one fetch per 10 s).
/// </summary>
public class JwksFetchProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A JWKS endpoint that is slow (so concurrent callers overlap) and can be made to fail.</summary>
    private sealed class CountingJwks : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private CountingJwks(WebApplication app, Uri url)
        {
            _app = app;
            Url = url;
        }

        public Uri Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public volatile bool Failing;

        public static async Task<CountingJwks> StartAsync(TestJwtIssuer idp)
        {
            var builder = WebApplication.CreateSlimBuilder();
            var port = FreePort.Next();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new CountingJwks(app, new Uri($"http://127.0.0.1:{port}/jwks"));
            app.MapGet("/jwks", async () =>
            {
                Interlocked.Increment(ref server._requests);
                await Task.Delay(300);
                return server.Failing ? Results.StatusCode(500) : Results.Text(idp.JwksJson(), "application/json");
            });
            await app.StartAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static Task<TestGateway> StartGatewayAsync(Uri echo, Uri jwks) => TestGateway.StartAsync($$"""
        routes: [{ name: web, path: /, http: e, policies: [auth] }]
        http: { e: { destinations: ["{{echo}}"] } }
        policies:
          auth:
            authentication:
              jwt: { issuer: "{{TestJwtIssuer.Issuer}}", audiences: [agentgateway], jwks: { url: "{{jwks}}" } }
        """);

    private static async Task<HttpStatusCode[]> SendConcurrentlyAsync(TestGateway gw, IEnumerable<string> tokens)
    {
        using var client = gw.CreateClient();
        return await Task.WhenAll(tokens.Select(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Authorization = new("Bearer", token) } };
            using var response = await client.SendAsync(request, Ct);
            return response.StatusCode;
        }));
    }

    // Tokens are made before they are sent, so a burst really is concurrent (RSA key generation is slow).
    private static string[] UnknownKidTokens(TestJwtIssuer idp, int count)
    {
        var unknown = TestJwtIssuer.NewKey();
        return [.. Enumerable.Range(0, count).Select(i => idp.CreateToken($"u{i}", key: unknown))];
    }

    private static string[] Tokens(TestJwtIssuer idp, string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => idp.CreateToken($"{prefix}{i}"))];

    /// <summary>The fetches the 10-second rule allows since <paramref name="since"/> started (a slow machine may cross an interval).</summary>
    private static int Allowed(int atStart, System.Diagnostics.Stopwatch since) => atStart + (int)(since.Elapsed.TotalSeconds / 10);

    [Fact]
    public async Task Jwks_ConcurrentTokensOnAColdCache_ShareOneFetch()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var jwks = await CountingJwks.StartAsync(idp);
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await StartGatewayAsync(echo.BaseAddress, jwks.Url);

        var tokens = Tokens(idp, "u", 40);

        var statuses = await SendConcurrentlyAsync(gw, tokens);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, jwks.Requests);
    }

    [Fact]
    public async Task Jwks_ConcurrentUnknownKids_FetchOnceAndAreRememberedFor10s()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var jwks = await CountingJwks.StartAsync(idp);
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await StartGatewayAsync(echo.BaseAddress, jwks.Url);

        var (first, second) = (UnknownKidTokens(idp, 40), UnknownKidTokens(idp, 40));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var cold = await SendConcurrentlyAsync(gw, first);
        var again = await SendConcurrentlyAsync(gw, second);

        Assert.All(cold.Concat(again), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.InRange(jwks.Requests, 1, Allowed(1, clock));
    }

    [Fact]
    public async Task Jwks_UnknownKidsAfterTheInterval_RefetchOnceUnderConcurrency()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var jwks = await CountingJwks.StartAsync(idp);
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await StartGatewayAsync(echo.BaseAddress, jwks.Url);
        Assert.All(await SendConcurrentlyAsync(gw, [idp.CreateToken("warm")]), s => Assert.Equal(HttpStatusCode.OK, s));

        var (first, second) = (UnknownKidTokens(idp, 40), UnknownKidTokens(idp, 40));

        await Task.Delay(TimeSpan.FromSeconds(10.5), Ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var burst = await SendConcurrentlyAsync(gw, first);
        var next = await SendConcurrentlyAsync(gw, second);
        var valid = await SendConcurrentlyAsync(gw, [idp.CreateToken("still-fine")]);

        Assert.All(burst.Concat(next), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.OK, Assert.Single(valid));
        Assert.InRange(jwks.Requests, 2, Allowed(2, clock));
    }

    [Fact]
    public async Task Jwks_FailedFetch_IsRememberedFor10s_ThenRetried()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var jwks = await CountingJwks.StartAsync(idp);
        await using var echo = await EchoServer.StartAsync();
        await using var gw = await StartGatewayAsync(echo.BaseAddress, jwks.Url);
        jwks.Failing = true;
        var (first, second, third) = (Tokens(idp, "u", 30), Tokens(idp, "v", 30), Tokens(idp, "w", 30));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var down = await SendConcurrentlyAsync(gw, first);
        var stillDown = await SendConcurrentlyAsync(gw, second);
        Assert.InRange(jwks.Requests, 1, Allowed(1, clock));
        var failedFetches = jwks.Requests;

        jwks.Failing = false;
        await Task.Delay(TimeSpan.FromSeconds(10.5), Ct);
        var recovered = await SendConcurrentlyAsync(gw, third);

        Assert.All(down.Concat(stillDown), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(recovered, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(failedFetches + 1, jwks.Requests);
    }
}
