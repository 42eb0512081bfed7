using System.Security.Authentication;
using AgentGateway.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace AgentGateway.Traffic;

/// <summary>
/// HTTPS on a Kestrel listener: the server certificate from a reloading cache, the minimum TLS version,
/// and client certificates (mTLS) validated against a private CA.
/// </summary>
public static class ListenerTls
{
    /// <summary>Turns on TLS for <paramref name="listen"/>; the returned certificate cache lives as long as the listener.</summary>
    public static ReloadingCertificate UseGatewayHttps(this ListenOptions listen, ListenerConfig listener, string baseDirectory, ILogger logger)
    {
        var certConfig = listener.Certificate ?? throw new InvalidOperationException($"listener '{listener.Name}' ({listener.Url}) is https but has no certificate");
        var certificate = new ReloadingCertificate(
            Path.GetFullPath(certConfig.Path, baseDirectory),
            certConfig.KeyPath is null ? null : Path.GetFullPath(certConfig.KeyPath, baseDirectory),
            certConfig.Password,
            logger);
        var options = new HttpsConnectionAdapterOptions
        {
            ServerCertificateSelector = (_, _) => certificate.Current,
            SslProtocols = listener.MinTlsVersion == "1.3" ? SslProtocols.Tls13 : SslProtocols.Tls12 | SslProtocols.Tls13,
        };
        if (listener.ClientCertificate is { } client)
        {
            var roots = CertificateFiles.LoadBundle(Path.GetFullPath(client.CaPath, baseDirectory));
            options.ClientCertificateMode = string.Equals(client.Mode, "allow", StringComparison.OrdinalIgnoreCase)
                ? ClientCertificateMode.AllowCertificate
                : ClientCertificateMode.RequireCertificate;
            // Only the configured CA is trusted for client certificates, never the system store.
            options.ClientCertificateValidation = (cert, chain, _) => CertificateFiles.ChainsTo(cert, roots, chain);
        }

        listen.UseHttps(options);
        return certificate;
    }
}
