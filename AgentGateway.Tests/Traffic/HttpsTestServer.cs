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
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certificate,
            ClientCertificateMode = requireClientCert ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.NoCertificate,
            ClientCertificateValidation = (_, _, _) => true,
        })));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, new Uri($"https://127.0.0.1:{port}"));
    }
}
