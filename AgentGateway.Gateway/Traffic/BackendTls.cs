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
        else if (tls.CaPath is not null || tls.Sni is not null)
        {
            var roots = tls.CaPath is { Length: > 0 } caPath ? CertificateFiles.LoadBundle(Path.GetFullPath(caPath, baseDirectory)) : null;
            var sni = tls.Sni;
            options.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
                {
                    return false;
                }

                var cert = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                // The name must match (the configured sni, else the destination host); only the trust anchor may change.
                var nameOk = sni is not null ? cert.MatchesHostname(sni) : (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
                var chainOk = roots is not null ? CertificateFiles.ChainsTo(cert, roots, chain) : (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
                return nameOk && chainOk;
            };
        }
    }
}
