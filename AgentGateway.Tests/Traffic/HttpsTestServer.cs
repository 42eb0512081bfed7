using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace AgentGateway.Tests.Traffic;

/// <summary>A real HTTPS server on a loopback port presenting a test certificate, with the endpoints a test maps.</summary>
internal static class HttpsTestServer
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(X509Certificate2 certificate, Action<WebApplication> map, bool requireClientCert = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = Infrastructure.FreePort.Next();
        ListenHttps(builder.WebHost, port, certificate, requireClientCert);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, new Uri($"https://127.0.0.1:{port}"));
    }

    /// <summary>Serves HTTPS on a loopback port with <paramref name="certificate"/>; any client certificate is accepted when one is required.</summary>
    public static void ListenHttps(IWebHostBuilder host, int port, X509Certificate2 certificate, bool requireClientCert) =>
        host.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certificate,
            ClientCertificateMode = requireClientCert ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.NoCertificate,
            ClientCertificateValidation = (_, _, _) => true,
        })));
}
