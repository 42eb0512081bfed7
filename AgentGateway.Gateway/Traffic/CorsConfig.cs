namespace AgentGateway.Traffic;

/// <summary>Cross-origin access for browsers: which origins may call the route and what they may send and read.</summary>
public sealed record CorsConfig
{
    /// <summary>Exact origins (<c>https://app.example.com</c>), wildcard subdomains (<c>https://*.example.com</c>) or <c>*</c>.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Methods a preflight may ask for; empty = GET, HEAD, POST; <c>*</c> = any.</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } = [];

    /// <summary>Request headers a preflight may ask for; <c>*</c> = any.</summary>
    public IReadOnlyList<string> AllowedHeaders { get; init; } = [];

    /// <summary>Response headers scripts may read (MCP clients need <c>Mcp-Session-Id</c>).</summary>
    public IReadOnlyList<string> ExposedHeaders { get; init; } = [];

    /// <summary>Whether cookies / credentials may be sent (never combined with a <c>*</c> origin).</summary>
    public bool AllowCredentials { get; init; }

    /// <summary>How long browsers may cache a preflight answer, e.g. <c>10m</c>.</summary>
    public string? MaxAge { get; init; }
}
