namespace AgentGateway.A2A;

/// <summary>
/// Maps a URL the agent advertises onto the gateway route. The gateway forwards <c>{route}/rest</c> to
/// <c>{agent base}/rest</c>, so the advertised URL's path is taken relative to the agent's base path when it
/// lies under it, and as-is otherwise (agents often advertise their bind address, e.g. http://localhost:5123/a2a,
/// while config reaches them by service name).
/// </summary>
internal sealed class CardUrlMapper(Uri agentBaseUrl, Uri publicBaseUrl)
{
    private readonly string _agentPath = agentBaseUrl.AbsolutePath.TrimEnd('/');
    private readonly string _publicBase = publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public string Map(string advertised)
    {
        string pathAndQuery;
        if (Uri.TryCreate(advertised, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            pathAndQuery = uri.PathAndQuery;
        }
        else if (advertised.StartsWith('/'))
        {
            pathAndQuery = advertised;
        }
        else
        {
            // Not something the gateway can reach through HTTP (e.g. host:port); point at the route root.
            return _publicBase + "/";
        }

        var path = pathAndQuery;
        var query = "";
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            path = pathAndQuery[..q];
            query = pathAndQuery[q..];
        }

        if (_agentPath.Length > 0 && (path.Equals(_agentPath, StringComparison.Ordinal)
            || path.StartsWith(_agentPath + "/", StringComparison.Ordinal)))
        {
            path = path[_agentPath.Length..];
        }

        if (path.Length == 0)
        {
            path = "/";
        }

        return _publicBase + path + query;
    }
}
