namespace AgentGateway.Configuration;

/// <summary>The admin API and UI. An empty URL turns it off (so several replicas can share a host).</summary>
public sealed record AdminConfig
{
    /// <summary>Default admin address: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:15000";

    /// <summary>Admin listener URL; "" disables the admin API.</summary>
    public string Url { get; init; } = DefaultUrl;

    /// <summary>
    /// The policy (by name, from <c>policies</c>) whose authentication every admin request must pass, except
    /// <c>/metrics</c> and the UI's static files. Required when <see cref="Url"/> is not a loopback address.
    /// </summary>
    public string? Policy { get; init; }
}
