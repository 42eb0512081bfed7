using AgentGateway.Configuration;

namespace AgentGateway.Traffic;

/// <summary>Checks listener TLS (key file, TLS version, client certificates) and backend TLS files.</summary>
internal static class TlsValidator
{
    public static void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        for (var i = 0; i < config.Listeners.Count; i++)
        {
            var listener = config.Listeners[i];
            var path = $"listeners[{i}]";
            var https = listener.Url.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
            if (listener.Certificate?.KeyPath is { } keyPath)
            {
                FileExists(keyPath, $"{path}.certificate.keyPath", context);
            }

            if (listener.MinTlsVersion is not ("1.2" or "1.3"))
            {
                context.Error($"{path}.minTlsVersion", $"'{listener.MinTlsVersion}' is not a TLS version (1.2 or 1.3)");
            }

            if (listener.ClientCertificate is { } client)
            {
                if (!https)
                {
                    context.Error($"{path}.clientCertificate", "client certificates need an https listener");
                }

                if (client.Mode.ToLowerInvariant() is not ("require" or "allow"))
                {
                    context.Error($"{path}.clientCertificate.mode", $"'{client.Mode}' is not a mode (require or allow)");
                }

                if (client.CaPath.Length == 0)
                {
                    context.Error($"{path}.clientCertificate.caPath", "the CA that client certificates must chain to is required");
                }
                else
                {
                    FileExists(client.CaPath, $"{path}.clientCertificate.caPath", context);
                }
            }
        }

        foreach (var (name, backend) in config.Http)
        {
            if (backend.Tls is { } tls)
            {
                ValidateBackend(tls, $"http.{name}.tls", context);
            }
        }
    }

    /// <summary>Checks one backend's <c>tls</c> block (any backend kind): files exist, no CA with skip-verify.</summary>
    public static void ValidateBackend(BackendTlsConfig tls, string path, ConfigValidationContext context)
    {
        if (tls.CaPath is { } caPath)
        {
            FileExists(caPath, $"{path}.caPath", context);
        }

        if (tls.ClientCertificate is { } client)
        {
            FileExists(client.Path, $"{path}.clientCertificate.path", context);
            if (client.KeyPath is { } key)
            {
                FileExists(key, $"{path}.clientCertificate.keyPath", context);
            }
        }

        if (tls.InsecureSkipVerify && tls.CaPath is not null)
        {
            context.Error($"{path}.insecureSkipVerify", "cannot be combined with caPath (skip-verify ignores the CA)");
        }
    }

    private static void FileExists(string file, string path, ConfigValidationContext context)
    {
        if (file.Length == 0 || !File.Exists(context.ResolvePath(file)))
        {
            context.Error(path, $"file '{file}' not found");
        }
    }
}
