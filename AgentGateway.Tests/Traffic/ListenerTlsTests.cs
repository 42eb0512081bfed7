using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Traffic;

public class ListenerTlsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Yaml(int port, string cert, string key, string extra, string destination) => $$"""
        listeners:
          - name: tls
            url: https://127.0.0.1:{{port}}
            certificate: { path: "{{cert}}", keyPath: "{{key}}" }
        {{extra}}
        routes: [{ name: r, path: /, http: echo }]
        http:
          echo: { destinations: [{{destination}}] }
        """;

    [Fact]
    public async Task HttpsListener_ServesRoutesOverTls_WithTheConfiguredCertificate()
    {
        using var certs = TestCertificates.Create();
        var (cert, key) = certs.WritePem(certs.IssueServer(), "server");
        await using var echo = await EchoServer.StartAsync();
        var port = FreePort.Next();
        await using var gw = await TestGateway.StartAsync(Yaml(port, cert, key, "", echo.BaseAddress.ToString()));
        string? presented = null;
        using var client = certs.CreateClient(new Uri($"https://127.0.0.1:{port}"), onServerCertificate: c => presented = c.Subject);

        var body = await client.GetFromJsonAsync<JsonElement>("/hello", Ct);

        Assert.Equal("/hello", body.GetProperty("path").GetString());
        Assert.Equal("CN=localhost", presented);
    }

    [Fact]
    public async Task MutualTls_Require_RejectsClientWithoutCertificate_AndAcceptsOneFromTheCa()
    {
        using var certs = TestCertificates.Create();
        var (cert, key) = certs.WritePem(certs.IssueServer(), "server");
        await using var echo = await EchoServer.StartAsync();
        var port = FreePort.Next();
        await using var gw = await TestGateway.StartAsync(Yaml(port, cert, key,
            $"    clientCertificate: {{ mode: require, caPath: \"{certs.CaPath}\" }}", echo.BaseAddress.ToString()));
        var address = new Uri($"https://127.0.0.1:{port}");

        using var anonymous = certs.CreateClient(address);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.GetAsync("/x", Ct));

        using var otherCa = TestCertificates.Create("Some Other CA");
        using var stranger = certs.CreateClient(address, otherCa.IssueClient("mallory"));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => stranger.GetAsync("/x", Ct));

        using var trusted = certs.CreateClient(address, certs.IssueClient("ci-bot"));
        var response = await trusted.GetAsync("/x", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, echo.RequestCount);
    }

    [Fact]
    public async Task MutualTls_ClientCertificateSubject_IsAvailableToPolicies()
    {
        using var certs = TestCertificates.Create();
        var (cert, key) = certs.WritePem(certs.IssueServer(), "server");
        var port = FreePort.Next();
        await using var gw = await TestGateway.StartAsync(
            Yaml(port, cert, key, $"    clientCertificate: {{ mode: allow, caPath: \"{certs.CaPath}\" }}", "http://unused"),
            configure: DelegateBackendHandler.Register("http", ctx => ctx.Response.WriteAsJsonAsync(new
            {
                item = ctx.Items["agw.client_cert_subject"] as string,
                claim = ctx.User.FindFirst("agw:client_cert_subject")?.Value,
            })));
        var address = new Uri($"https://127.0.0.1:{port}");

        using var withCert = certs.CreateClient(address, certs.IssueClient("ci-bot"));
        var body = await withCert.GetFromJsonAsync<JsonElement>("/who", Ct);
        Assert.Equal("CN=ci-bot", body.GetProperty("item").GetString());
        Assert.Equal("CN=ci-bot", body.GetProperty("claim").GetString());

        // "allow": a client without a certificate still gets in, with no subject.
        using var without = certs.CreateClient(address);
        var anonymous = await without.GetFromJsonAsync<JsonElement>("/who", Ct);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("item").ValueKind);
    }

    [Fact]
    public async Task ServerCertificate_ReloadsWhenItsFilesChange()
    {
        using var certs = TestCertificates.Create();
        var (cert, key) = certs.WritePem(certs.IssueServer("first"), "server");
        await using var echo = await EchoServer.StartAsync();
        var port = FreePort.Next();
        await using var gw = await TestGateway.StartAsync(Yaml(port, cert, key, "", echo.BaseAddress.ToString()));
        string? presented = null;
        // The name check is on the SAN (localhost / 127.0.0.1), so the CN can tell the two certificates apart.
        using var client = certs.CreateClient(new Uri($"https://127.0.0.1:{port}"), onServerCertificate: c => presented = c.Subject);
        await client.GetAsync("/", Ct);
        Assert.Equal("CN=first", presented);

        using var second = certs.IssueServer("second");
        await File.WriteAllTextAsync(cert, second.ExportCertificatePem(), Ct);
        await File.WriteAllTextAsync(key, second.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem(), Ct);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (presented != "CN=second" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            await client.GetAsync("/", Ct);
        }

        Assert.Equal("CN=second", presented);
    }

    [Fact]
    public async Task MinTlsVersion13_RejectsATls12OnlyClient()
    {
        using var certs = TestCertificates.Create();
        var (cert, key) = certs.WritePem(certs.IssueServer(), "server");
        await using var echo = await EchoServer.StartAsync();
        var port = FreePort.Next();
        await using var gw = await TestGateway.StartAsync(Yaml(port, cert, key, "    minTlsVersion: \"1.3\"", echo.BaseAddress.ToString()));
        var address = new Uri($"https://127.0.0.1:{port}");

        using var modern = certs.CreateClient(address);
        Assert.Equal(HttpStatusCode.OK, (await modern.GetAsync("/x", Ct)).StatusCode);

        using var legacyHandler = new SocketsHttpHandler();
        legacyHandler.SslOptions.EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls12;
        legacyHandler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.Issuer == certs.Ca.Subject;
        using var legacy = new HttpClient(legacyHandler) { BaseAddress = address };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => legacy.GetAsync("/x", Ct));
    }

    [Fact]
    public async Task PfxCertificate_WithPasswordFromEnvironment_IsServed()
    {
        using var certs = TestCertificates.Create();
        using var server = certs.IssueServer("pfx-server");
        var pfxPath = Path.Combine(certs.Directory, "server.pfx");
        await File.WriteAllBytesAsync(pfxPath, server.Export(X509ContentType.Pkcs12, "s3cret!"), Ct);
        Environment.SetEnvironmentVariable("AGW_TEST_PFX_PASSWORD", "s3cret!");
        await using var echo = await EchoServer.StartAsync();
        var port = FreePort.Next();
        await using var gw = await TestGateway.StartAsync($$"""
            listeners:
              - name: tls
                url: https://127.0.0.1:{{port}}
                certificate: { path: "{{pfxPath}}", password: "${AGW_TEST_PFX_PASSWORD}" }
            routes: [{ name: r, path: /, http: echo }]
            http:
              echo: { destinations: [{{echo.BaseAddress}}] }
            """);
        string? presented = null;
        using var client = certs.CreateClient(new Uri($"https://127.0.0.1:{port}"), onServerCertificate: c => presented = c.Subject);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/x", Ct)).StatusCode);
        Assert.Equal("CN=pfx-server", presented);
    }
}
