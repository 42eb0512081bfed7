using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AgentGateway.Traffic;

/// <summary>
/// Builds the <see cref="SocketsHttpHandler"/> for a backend with TLS settings (private CA, client
/// certificate, SNI, skip-verify). Reusable by every backend kind; relative paths resolve against the config directory.
/// </summary>
public static class BackendTls
{
    /// <summary>A proxy-grade handler (no redirects, no decompression, no cookies) applying <paramref name="tls"/>.</summary>
    public static SocketsHttpHandler CreateHandler(BackendTlsConfig tls, string baseDirectory)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        Configure(handler.SslOptions, tls, baseDirectory);
        return handler;
    }

    /// <summary>Applies <paramref name="tls"/> to client TLS options.</summary>
    public static void Configure(SslClientAuthenticationOptions options, BackendTlsConfig tls, string baseDirectory)
    {
        if (tls.Sni is { Length: > 0 } sni)
        {
            options.TargetHost = sni;
        }

        if (tls.ClientCertificate is { } client)
        {
            options.ClientCertificates = [CertificateFiles.Load(
                Path.GetFullPath(client.Path, baseDirectory),
                client.KeyPath is null ? null : Path.GetFullPath(client.KeyPath, baseDirectory),
                client.Password)];
        }

        if (tls.InsecureSkipVerify)
        {
#pragma warning disable CA5359 // Skipping verification is the explicit, warned-about purpose of insecureSkipVerify (dev backends).
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (tls.CaPath is { Length: > 0 } caPath)
        {
            var roots = CertificateFiles.LoadBundle(Path.GetFullPath(caPath, baseDirectory));
            options.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                // The name must still match; only the trust anchor changes to the private CA.
                (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0
                && certificate is not null
                && CertificateFiles.ChainsTo(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()), roots, chain);
        }
    }
}
