using AgentGateway.Configuration;

namespace AgentGateway.Hosting;

/// <summary>Where the admin API listens (port 0 = off); requests on that port never reach routes.</summary>
public sealed record AdminListener(string? Url)
{
    /// <summary>The admin port, or 0 when the admin API is off.</summary>
    public int Port { get; } = Url is { Length: > 0 } && Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri.Port : 0;

    /// <summary>Whether the request arrived on the admin listener.</summary>
    public bool IsAdminRequest(HttpContext context) => Port != 0 && context.Connection.LocalPort == Port;

    /// <summary>Reads the admin URL from the raw configuration (before the full load; validation comes later).</summary>
    public static AdminListener From(IConfiguration configuration) =>
        new(configuration["Gateway:admin:url"] ?? AdminConfig.DefaultUrl);
}
