namespace AgentGateway.Configuration;

/// <summary>One route: a path prefix (plus optional hosts, methods, headers) sent to exactly one backend.</summary>
public sealed record RouteConfig
{
    /// <summary>Unique route name, used in telemetry and policies.</summary>
    public string Name { get; init; } = "";

    /// <summary>Path prefix, matched on segment boundaries (<c>/v1</c> matches <c>/v1/x</c>, not <c>/v10</c>).</summary>
    public string Path { get; init; } = "/";

    /// <summary>Host names (<c>*.example.com</c> allowed); empty = any.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>HTTP methods; empty = any.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>Headers that must be present with these values (<c>*</c> = present with any value).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Name of an <c>llm</c> backend.</summary>
    public string? Llm { get; init; }

    /// <summary>Name of an <c>mcp</c> backend.</summary>
    public string? Mcp { get; init; }

    /// <summary>Name of an <c>a2a</c> backend.</summary>
    public string? A2A { get; init; }

    /// <summary>Name of an <c>http</c> backend.</summary>
    public string? Http { get; init; }

    /// <summary>Names of policies applied in order.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];
}
