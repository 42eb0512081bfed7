namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// DNS-rebinding protection required by the Streamable HTTP spec: a request carrying a browser <c>Origin</c> is
/// only served when that origin is a loopback one or configured on the backend. Requests without Origin
/// (non-browser clients) pass. Same-origin is deliberately not trusted: under DNS rebinding Host matches too.
/// </summary>
internal static class OriginValidator
{
    public static bool IsAllowed(string? origin, IReadOnlyList<string> allowedOrigins)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var allowed in allowedOrigins)
        {
            if (allowed == "*" || string.Equals(allowed.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
