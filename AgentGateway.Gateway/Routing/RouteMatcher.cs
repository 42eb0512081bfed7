using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>Matches one configured route against a request: path prefix on segment boundaries, hosts, methods, headers.</summary>
internal sealed class RouteMatcher(RouteConfig config, string kind, string backend)
{
    private readonly PathString _prefix = new(config.Path.TrimEnd('/'));

    public RouteConfig Config { get; } = config;

    public string Kind { get; } = kind;

    public string Backend { get; } = backend;

    public PathString Prefix => _prefix;

    public bool Matches(HttpRequest request, out PathString remainder)
    {
        remainder = default;
        if (!request.Path.StartsWithSegments(_prefix, StringComparison.OrdinalIgnoreCase, out remainder))
        {
            return false;
        }

        if (Config.Methods.Count > 0 && !Config.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Config.Hosts.Count > 0 && !Config.Hosts.Any(h => HostMatches(h, request.Host.Host)))
        {
            return false;
        }

        foreach (var (name, expected) in Config.Headers)
        {
            if (!request.Headers.TryGetValue(name, out var actual)
                || (expected != "*" && !actual.Contains(expected, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool HostMatches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
}
