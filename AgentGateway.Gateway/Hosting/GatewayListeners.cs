using System.Globalization;
using System.Net;
using AgentGateway.Configuration;
using AgentGateway.Traffic;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.FileProviders;

namespace AgentGateway.Hosting;

/// <summary>
/// Binds the gateway's listeners: the config's <c>listeners</c> when present (each bound explicitly, with
/// TLS / mTLS when it is https), otherwise the host URLs (ASPNETCORE_URLS / --urls / ASPNETCORE_HTTP_PORTS),
/// plus the admin URL on a socket of its own. Listener changes need a restart; certificate files reload by themselves.
/// </summary>
internal static class GatewayListeners
{
    public static void ConfigureGatewayListeners(this WebApplicationBuilder builder, AdminListener admin)
    {
        var configuration = builder.Configuration;
        var listeners = ReadListeners(configuration);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // Body limits are per route (RequestBodyLimitMiddleware); Kestrel's global 30 MB cap would pre-empt them.
            k.Limits.MaxRequestBodySize = null;
            if (int.TryParse(configuration["Gateway:limits:maxRequestHeadersTotalSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var headers) && headers > 0)
            {
                k.Limits.MaxRequestHeadersTotalSize = headers;
            }
        });
        if (listeners.Count == 0)
        {
            // Kestrel binds the host URLs itself (UseUrls semantics: localhost, *.localhost, host names, default
            // certificate); the admin socket is recognised by its address and marked before it binds.
            var urls = HostUrls(configuration);
            if (admin.Enabled)
            {
                admin.EnsureOwnSocket(urls);
                urls = [.. urls, admin.Url!];
            }

            builder.WebHost.UseUrls([.. urls.Distinct(StringComparer.OrdinalIgnoreCase)]);
            builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(admin.AttachIfAdminSocket));
            return;
        }

        // The configured listeners replace the host URLs; clearing them avoids Kestrel's "overriding addresses" warning.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, "");
        builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, "");
        var baseDirectory = ConfigBaseDirectory(configuration);
        builder.WebHost.ConfigureKestrel(k =>
        {
            var logger = k.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("AgentGateway.Hosting.Listeners");
            var stopped = k.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped;
            foreach (var listener in listeners)
            {
                Listen(k, listener.Url, listen =>
                {
                    if (listener.Url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
                    {
                        var certificate = listen.UseGatewayHttps(listener, baseDirectory, logger);
                        stopped.Register(certificate.Dispose);
                    }
                });
            }

            ListenAdmin(k, admin);
        });
    }

    private static void ListenAdmin(KestrelServerOptions kestrel, AdminListener admin)
    {
        if (admin.Enabled)
        {
            // Its own socket, marked as the admin one: requests are told apart by socket, not by Host.
            Listen(kestrel, admin.Url!, admin.Attach);
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string url, Action<ListenOptions> configure)
    {
        var address = BindingAddress.Parse(url);
        if (address.IsUnixPipe)
        {
            kestrel.ListenUnixSocket(address.UnixPipePath, configure);
        }
        else if (LoopbackHost.IsLocalhostName(address.Host))
        {
            kestrel.ListenLocalhost(address.Port, configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, configure);
        }
        else
        {
            // "*", "+" or a host name: all interfaces, as UseUrls does.
            kestrel.ListenAnyIP(address.Port, configure);
        }
    }

    /// <summary>The listeners from the raw configuration (the full load and validation come later), with <c>${NAME}</c> resolved.</summary>
    private static List<ListenerConfig> ReadListeners(ConfigurationManager configuration)
    {
        var context = new ConfigValidationContext(Directory.GetCurrentDirectory());
        var section = configuration.GetSection("Gateway:listeners");
        var result = new List<ListenerConfig>();
        foreach (var child in section.GetChildren())
        {
            string? Value(string key) => EnvironmentInterpolator.Interpolate(child[key], key, Environment.GetEnvironmentVariable, context);
            if (Value("url") is not { Length: > 0 } url)
            {
                continue;
            }

            var certificate = Value("certificate:path") is { Length: > 0 } certPath
                ? new CertificateConfig { Path = certPath, KeyPath = Value("certificate:keyPath"), Password = Value("certificate:password") }
                : null;
            var client = child.GetSection("clientCertificate").Exists()
                ? new ClientCertificateConfig { Mode = Value("clientCertificate:mode") ?? "require", CaPath = Value("clientCertificate:caPath") ?? "" }
                : null;
            result.Add(new ListenerConfig
            {
                Name = Value("name") ?? "",
                Url = url,
                Certificate = certificate,
                MinTlsVersion = Value("minTlsVersion") ?? "1.2",
                ClientCertificate = client,
            });
        }

        return result;
    }

    private static string ConfigBaseDirectory(ConfigurationManager configuration) =>
        ((IConfigurationBuilder)configuration).Sources.OfType<GatewayFileConfigurationSource>().FirstOrDefault()?.FileProvider is PhysicalFileProvider provider
            ? provider.Root
            : Directory.GetCurrentDirectory();

    private static List<string> HostUrls(ConfigurationManager configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        if (configuration["http_ports"] is { Length: > 0 } ports)
        {
            return [.. ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}")];
        }

        return ["http://localhost:5000"];
    }
}
