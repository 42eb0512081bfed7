using System.Net;
using System.Security.Cryptography.X509Certificates;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Traffic;

public class BackendTlsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A real HTTPS backend on loopback presenting <paramref name="certificate"/>; answers with the client certificate's subject.</summary>
    private static Task<(WebApplication App, Uri Address)> StartHttpsBackendAsync(X509Certificate2 certificate, bool requireClientCert = false) =>
        HttpsTestServer.StartAsync(certificate, app => app.Run(ctx => ctx.Response.WriteAsync("secure:" + (ctx.Connection.ClientCertificate?.Subject ?? "-"))), requireClientCert);

    [Fact]
    public async Task HttpBackend_WithPrivateCa_IsTrustedOnlyWhenCaPathIsConfigured()
    {
        using var certs = TestCertificates.Create();
        var (app, address) = await StartHttpsBackendAsync(certs.IssueServer());
        await using var _ = app;
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: private, path: /private, http: private }
              - { name: system, path: /system, http: system }
            http:
              private: { destinations: [{{address}}], tls: { caPath: "{{certs.CaPath}}" } }
              system: { destinations: [{{address}}] }
            """);
        var client = gw.CreateClient();

        var trusted = await client.GetAsync("/private/x", Ct);
        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        Assert.Equal("secure:-", await trusted.Content.ReadAsStringAsync(Ct));

        // Without the CA the system trust store applies, and it does not know our private CA.
        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/system/x", Ct)).StatusCode);
    }

    [Fact]
    public async Task HttpBackend_ClientCertificate_IsPresentedToTheBackend()
    {
        using var certs = TestCertificates.Create();
        var (app, address) = await StartHttpsBackendAsync(certs.IssueServer(), requireClientCert: true);
        await using var _ = app;
        var (clientCert, clientKey) = certs.WritePem(certs.IssueClient("gateway"), "client");
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: r, path: /, http: b }]
            http:
              b:
                destinations: [{{address}}]
                tls: { caPath: "{{certs.CaPath}}", clientCertificate: { path: "{{clientCert}}", keyPath: "{{clientKey}}" } }
            """);

        var response = await gw.CreateClient().GetAsync("/x", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("secure:CN=gateway", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task HttpBackend_CertificateNotMatchingSni_IsRejected_MatchingIsAccepted_AndInsecureSkipVerifyAcceptsAnything()
    {
        using var certs = TestCertificates.Create();
        var (app, address) = await StartHttpsBackendAsync(certs.IssueServer());
        await using var _ = app;
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: wrong-name, path: /wrong, http: wrong }
              - { name: renamed, path: /renamed, http: renamed }
              - { name: insecure, path: /insecure, http: insecure }
            http:
              wrong: { destinations: [{{address}}], tls: { caPath: "{{certs.CaPath}}", sni: other.example } }
              renamed: { destinations: [{{address}}], tls: { caPath: "{{certs.CaPath}}", sni: localhost } }
              insecure: { destinations: [{{address}}], tls: { insecureSkipVerify: true } }
            """);
        var client = gw.CreateClient();

        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/wrong/x", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/renamed/x", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/insecure/x", Ct)).StatusCode);
    }
}
