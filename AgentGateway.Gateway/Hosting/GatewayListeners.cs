namespace AgentGateway.Hosting;

/// <summary>
/// Binds the gateway's listeners: the config's <c>listeners</c> when present, otherwise the host URLs
/// (ASPNETCORE_URLS / --urls / ASPNETCORE_HTTP_PORTS), plus the admin URL.
/// </summary>
internal static class GatewayListeners
{
    public static void ConfigureGatewayListeners(this WebApplicationBuilder builder, AdminListener admin)
    {
        var configured = builder.Configuration.GetSection("Gateway:listeners").GetChildren()
            .Select(l => l["url"]).OfType<string>().Where(u => u.Length > 0).ToList();
        var urls = configured.Count > 0 ? configured : HostUrls(builder.Configuration);
        if (admin.Url is { Length: > 0 } adminUrl)
        {
            urls.Add(adminUrl);
        }

        builder.WebHost.UseUrls([.. urls.Distinct(StringComparer.OrdinalIgnoreCase)]);
        // Body limits are per route (RequestBodyLimitMiddleware); Kestrel's global 30 MB cap would pre-empt them.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
    }

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
