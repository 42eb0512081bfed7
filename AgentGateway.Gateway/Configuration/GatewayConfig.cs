using AgentGateway.A2A;
using AgentGateway.Http;
using AgentGateway.Llm;
using AgentGateway.Mcp;
using AgentGateway.Routing;
using AgentGateway.Telemetry;

namespace AgentGateway.Configuration;

/// <summary>
/// The whole gateway configuration (DESIGN.md §4), bound from the <c>Gateway</c> configuration section.
/// Immutable: a reload builds a new instance and swaps it in atomically.
/// </summary>
public sealed record GatewayConfig
{
    /// <summary>Listeners; when empty the host URLs (ASPNETCORE_URLS / --urls) are used.</summary>
    public IReadOnlyList<ListenerConfig> Listeners { get; init; } = [];

    /// <summary>The admin API (config dump, health, metrics, policy explain).</summary>
    public AdminConfig Admin { get; init; } = new();

    /// <summary>
    /// The gateway's public base URL (e.g. <c>https://gateway.example.com</c>), used for the URLs it advertises
    /// (MCP protected-resource metadata). When unset they are built from the request, if its Host is trusted.
    /// </summary>
    public string? PublicUrl { get; init; }

    /// <summary>Routes, first match wins.</summary>
    public IReadOnlyList<RouteConfig> Routes { get; init; } = [];

    /// <summary>LLM backends by name.</summary>
    public IReadOnlyDictionary<string, LlmBackendConfig> Llm { get; init; } = Empty<LlmBackendConfig>();

    /// <summary>MCP backends by name.</summary>
    public IReadOnlyDictionary<string, McpBackendConfig> Mcp { get; init; } = Empty<McpBackendConfig>();

    /// <summary>A2A backends by name.</summary>
    public IReadOnlyDictionary<string, A2ABackendConfig> A2A { get; init; } = Empty<A2ABackendConfig>();

    /// <summary>Plain HTTP backends by name.</summary>
    public IReadOnlyDictionary<string, HttpBackendConfig> Http { get; init; } = Empty<HttpBackendConfig>();

    /// <summary>Named policies that routes refer to.</summary>
    public IReadOnlyDictionary<string, PolicyConfig> Policies { get; init; } = Empty<PolicyConfig>();

    /// <summary>Where MCP session state lives.</summary>
    public SessionsConfig Sessions { get; init; } = new();

    /// <summary>Access log and content capture.</summary>
    public TelemetryConfig Telemetry { get; init; } = new();

    /// <summary>Global request limits.</summary>
    public LimitsConfig Limits { get; init; } = new();

    /// <summary>
    /// Whether a backend named <paramref name="name"/> is configured under the route key <paramref name="kind"/>
    /// (<c>llm</c>, <c>mcp</c>, <c>a2a</c> or <c>http</c>, the same words as <c>Routing.RouteKinds</c>).
    /// </summary>
    public bool HasBackend(string kind, string name) => kind switch
    {
        "llm" => Llm.ContainsKey(name),
        "mcp" => Mcp.ContainsKey(name),
        "a2a" => A2A.ContainsKey(name),
        "http" => Http.ContainsKey(name),
        _ => false,
    };

    private static Dictionary<string, T> Empty<T>() => new(StringComparer.OrdinalIgnoreCase);
}
