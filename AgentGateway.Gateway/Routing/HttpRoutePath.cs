namespace AgentGateway.Routing;

/// <summary>
/// The canonical path of a request on an http route (a request feature): what Cedar sees as <c>resource.path</c>
/// and what the upstream receives, so the two cannot disagree.
/// </summary>
/// <param name="Forwarded">The escaped path sent upstream: the route prefix as configured, then the canonical remainder.</param>
/// <param name="ForPolicy">The decoded, lower-cased path policies match (<see cref="CanonicalPath.ForPolicy"/>).</param>
internal sealed record HttpRoutePath(string Forwarded, string ForPolicy)
{
    /// <summary>
    /// Canonicalises the request's target for <paramref name="route"/>, or returns null with the reason it cannot be
    /// (then the request is answered 400). On routes with an authorization policy an encoded separator (<c>%2F</c>,
    /// <c>%5C</c>, <c>\</c>) inside a segment is refused too: upstreams disagree on whether it splits the segment, so no
    /// single path could be authorized. Elsewhere it is forwarded escaped, as sent.
    /// </summary>
    public static HttpRoutePath? For(HttpContext context, GatewayRoute route, out string? error)
    {
        // Servers that do not report the raw target (in-memory test hosts) get the decoded path re-escaped instead.
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : context.Request.PathBase.Add(context.Request.Path).ToUriComponent();
        if (CanonicalPath.TryParse(target, out error) is not { } path)
        {
            return null;
        }

        if (path.HasEncodedSeparator && route.Policies.Any(p => p.Authorization is not null))
        {
            error = "an encoded '/' or '\\' (%2F, %5C) inside a path segment cannot be authorized on this route";
            return null;
        }

        if (!path.StartsWith(route.Prefix, out var prefixSegments))
        {
            // The dot segments resolved differently from the server's own reading: the route no longer applies.
            error = "the path leaves the route's prefix once '.' and '..' are resolved";
            return null;
        }

        return new HttpRoutePath(path.ToUriComponent(route.Prefix, prefixSegments), path.ForPolicy);
    }
}
