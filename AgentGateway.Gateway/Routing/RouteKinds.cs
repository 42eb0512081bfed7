using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>The four backend kinds a route can point at.</summary>
public static class RouteKinds
{
    /// <summary>LLM providers.</summary>
    public const string Llm = "llm";

    /// <summary>MCP servers.</summary>
    public const string Mcp = "mcp";

    /// <summary>An A2A agent.</summary>
    public const string A2A = "a2a";

    /// <summary>Plain HTTP via YARP.</summary>
    public const string Http = "http";

    /// <summary>The (kind, backend) pairs a route names; a valid route names exactly one.</summary>
    public static IEnumerable<(string Kind, string Backend)> Of(RouteConfig route)
    {
        if (route.Llm is { Length: > 0 })
        {
            yield return (Llm, route.Llm);
        }

        if (route.Mcp is { Length: > 0 })
        {
            yield return (Mcp, route.Mcp);
        }

        if (route.A2A is { Length: > 0 })
        {
            yield return (A2A, route.A2A);
        }

        if (route.Http is { Length: > 0 })
        {
            yield return (Http, route.Http);
        }
    }

    /// <summary>Whether a backend of that kind and name is configured (asked of the config, so Routing names no kind's types).</summary>
    public static bool Exists(GatewayConfig config, string kind, string backend) => config.HasBackend(kind, backend);
}
