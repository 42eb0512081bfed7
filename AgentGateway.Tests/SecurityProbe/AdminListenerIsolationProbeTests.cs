using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AgentGateway.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// Issue 22 item 1, probed from outside: the admin API answers only on the admin listener's own socket,
/// whatever Host header or request-target form a client sends to a public listener.
/// </summary>
public class AdminListenerIsolationProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] AdminPaths = ["/config", "/metrics"];

    private static Task<TestGateway> StartAsync(string adminUrl, string routes = "routes: []") => TestGateway.StartAsync($$"""
        admin: { url: "{{adminUrl}}" }
        {{routes}}
        policies:
          p:
            authorization: { cedarText: 'permit(principal, action, resource);' }
        """);

    private static HttpRequestMessage WithHost(HttpMethod method, string path, string host, string? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Headers = { Host = host } };
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private const string ExplainBody = """{"policy":"p","principal":{"type":"User","id":"a"},"action":"http","resource":{"type":"Route","id":"r"}}""";

    [Fact]
    public async Task AdminApi_OnPublicListener_WithAdminHostHeader_Returns404()
    {
        var adminPort = FreePort.Next();
        await using var gw = await StartAsync($"http://127.0.0.1:{adminPort}");
        using var client = gw.CreateClient();

        foreach (var host in new[] { $"anything:{adminPort}", $"127.0.0.1:{adminPort}", $"localhost:{adminPort}" })
        {
            foreach (var path in AdminPaths)
            {
                using var get = await client.SendAsync(WithHost(HttpMethod.Get, path, host), Ct);
                Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {path} with Host {host}: {(int)get.StatusCode}");
            }

            using var explain = await client.SendAsync(WithHost(HttpMethod.Post, "/authorize/explain", host, ExplainBody), Ct);
            Assert.True(explain.StatusCode == HttpStatusCode.NotFound, $"POST /authorize/explain with Host {host}: {(int)explain.StatusCode}");
        }
    }

    [Fact]
    public async Task AdminApi_OnAdminListener_Answers200()
    {
        var adminPort = FreePort.Next();
        await using var gw = await StartAsync($"http://127.0.0.1:{adminPort}");
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };

        foreach (var path in AdminPaths)
        {
            using var get = await admin.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        }

        using var explain = await admin.PostAsync("/authorize/explain", new StringContent(ExplainBody, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, explain.StatusCode);
    }

    [Fact]
    public async Task AdminApi_OnPublicListener_AbsoluteFormTarget_Returns404()
    {
        var adminPort = FreePort.Next();
        await using var gw = await StartAsync($"http://127.0.0.1:{adminPort}");

        foreach (var path in AdminPaths)
        {
            var response = await RawAsync(gw.BaseAddress, $"GET http://127.0.0.1:{adminPort}{path} HTTP/1.1\r\nHost: 127.0.0.1:{adminPort}\r\nConnection: close\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 404", response, StringComparison.Ordinal);
        }

        var explain = await RawAsync(gw.BaseAddress,
            $"POST http://127.0.0.1:{adminPort}/authorize/explain HTTP/1.1\r\nHost: 127.0.0.1:{adminPort}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {ExplainBody.Length}\r\nConnection: close\r\n\r\n{ExplainBody}");
        Assert.StartsWith("HTTP/1.1 404", explain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPaths_OnPublicListener_WithAdminHostHeader_GoToTheRoutes()
    {
        await using var echo = await EchoServer.StartAsync();
        var adminPort = FreePort.Next();
        await using var gw = await StartAsync($"http://127.0.0.1:{adminPort}", $$"""
            routes: [{ name: web, path: /, http: e }]
            http: { e: { destinations: ["{{echo.BaseAddress}}"] } }
            """);
        using var client = gw.CreateClient();

        // The public listener answers admin paths as it answers any path, whatever the method: the route proxies them upstream.
        var probes = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Get, "/config"), (HttpMethod.Put, "/config"), (HttpMethod.Post, "/config"),
            (HttpMethod.Post, "/authorize/explain"), (HttpMethod.Get, "/authorize/explain"), (HttpMethod.Get, "/metrics"), (HttpMethod.Delete, "/metrics"),
        };
        foreach (var (method, path) in probes)
        {
            using var response = await client.SendAsync(WithHost(method, path, $"x:{adminPort}", method == HttpMethod.Get ? null : "{}"), Ct);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode}");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal("echo", body.GetProperty("name").GetString());
            Assert.Equal(path, body.GetProperty("path").GetString());
        }

        Assert.Equal(probes.Length, echo.RequestCount);
    }

    [Fact]
    public async Task AdminApi_OnAdminListener_WrongMethod_Returns405()
    {
        var adminPort = FreePort.Next();
        await using var gw = await StartAsync($"http://127.0.0.1:{adminPort}");
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };

        using var postConfig = await admin.PostAsync("/config", new StringContent("{}"), Ct);
        using var getExplain = await admin.GetAsync("/authorize/explain", Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, postConfig.StatusCode);
        Assert.Equal("GET", postConfig.Content.Headers.Allow.Single());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, getExplain.StatusCode);
    }

    [Fact]
    public async Task AdminListener_DoesNotServeRoutes()
    {
        await using var echo = await EchoServer.StartAsync();
        var adminPort = FreePort.Next();
        await using var gw = await StartAsync($"http://127.0.0.1:{adminPort}", $$"""
            routes: [{ name: web, path: /, http: e }]
            http: { e: { destinations: ["{{echo.BaseAddress}}"] } }
            """);
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };

        using var response = await admin.GetAsync("/anything", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, echo.RequestCount);
    }

    [Fact]
    public async Task AdminListener_OnPort0_ServesTheAdminApiOnItsOwnSocketOnly()
    {
        await using var gw = await StartAsync("http://127.0.0.1:0");
        var adminPort = AdminPort(gw);
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };
        using var client = gw.CreateClient();

        using var onAdmin = await admin.GetAsync("/config", Ct);
        using var onPublic = await client.SendAsync(WithHost(HttpMethod.Get, "/config", $"127.0.0.1:{adminPort}"), Ct);
        using var onPublicPort0 = await client.SendAsync(WithHost(HttpMethod.Get, "/config", "127.0.0.1:0"), Ct);

        Assert.Equal(HttpStatusCode.OK, onAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onPublicPort0.StatusCode);
    }

    [Fact]
    public async Task AdminListener_WithHostName_ServesTheAdminApiOnItsOwnSocketOnly()
    {
        var adminPort = FreePort.Next();
        await using var gw = await StartAsync($"http://localhost:{adminPort}");
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };
        using var client = gw.CreateClient();

        using var onAdmin = await admin.GetAsync("/config", Ct);
        using var onPublic = await client.SendAsync(WithHost(HttpMethod.Get, "/config", $"localhost:{adminPort}"), Ct);

        Assert.Equal(HttpStatusCode.OK, onAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
    }

    [Fact]
    public async Task AdminApi_WithConfiguredListeners_AnswersOnlyOnTheAdminSocket()
    {
        var port = FreePort.Next();
        var adminPort = FreePort.Next();
        await using var gw = await TestGateway.StartAsync($$"""
            listeners: [{ name: main, url: "http://127.0.0.1:{{port}}" }]
            admin: { url: "http://127.0.0.1:{{adminPort}}" }
            routes: []
            """);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };

        using var onAdmin = await admin.GetAsync("/config", Ct);
        using var onPublic = await client.SendAsync(WithHost(HttpMethod.Get, "/config", $"127.0.0.1:{adminPort}"), Ct);

        Assert.Equal(HttpStatusCode.OK, onAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
    }

    [Fact]
    public async Task AdminUrl_OnTheSameSocketAsAHostUrl_RefusesToStart()
    {
        var port = FreePort.Next();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync(
            $"admin: {{ url: \"http://127.0.0.1:{port}\" }}\nroutes: []\n",
            new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{port}" }));

        Assert.Contains("same socket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AnswersOnBothListeners()
    {
        var adminPort = FreePort.Next();
        await using var gw = await StartAsync($"http://127.0.0.1:{adminPort}");
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };
        using var client = gw.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/health", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
    }

    private static int AdminPort(TestGateway gw) =>
        Assert.IsType<IPEndPoint>(Assert.Single(gw.Services.GetRequiredService<AdminListener>().EndPoints)).Port;

    /// <summary>Sends raw bytes (for request forms HttpClient does not produce) and returns the whole response.</summary>
    internal static async Task<string> RawAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, Ct);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }
}
