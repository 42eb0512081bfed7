using System.Net;
using AgentGateway.Configuration;
using AgentGateway.Routing;
using Microsoft.Net.Http.Headers;

namespace AgentGateway.Security;

/// <summary>
/// The base URL the gateway advertises to clients (RFC 9728 <c>resource</c> and <c>resource_metadata</c>).
/// The config's <c>publicUrl</c> when set. Otherwise the request's own scheme and Host, but only a Host the
/// gateway can vouch for: one the route's <c>hosts</c> accept, or the address the connection actually arrived
/// on (its IP, or <c>localhost</c> on loopback, with the listener's port), or a configured listener's host name
/// with its port. Anything else is a client-chosen name, and echoing it would let whoever controls a Host
/// header (or a cache keyed without it) point clients at their own authorization metadata: then nothing is
/// advertised and a warning says to set <c>publicUrl</c>.
/// </summary>
internal sealed partial class GatewayPublicUrl(ILogger<GatewayPublicUrl> logger, TimeProvider time)
{
    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(5);
    private long _lastWarningTicks;

    /// <summary>The base URL (no trailing slash), or null when the Host cannot be trusted and no publicUrl is set.</summary>
    public string? BaseFor(HttpContext context, GatewayConfig config, RouteConfig route)
    {
        if (config.PublicUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var request = context.Request;
        // The answer depends on the Host: caches must key on it (added to, not replacing, e.g. CORS's Vary: Origin).
        if (!context.Response.Headers.Vary.Any(v => v?.Contains("Host", StringComparison.OrdinalIgnoreCase) == true))
        {
            context.Response.Headers.Append(HeaderNames.Vary, "Host");
        }
        if (request.Host.HasValue && IsTrusted(context, request.Host, config, route))
        {
            return $"{request.Scheme}://{request.Host}";
        }

        Warn(route.Name);
        return null;
    }

    private static bool IsTrusted(HttpContext context, HostString host, GatewayConfig config, RouteConfig route)
    {
        if (route.Hosts.Count > 0)
        {
            return route.Hosts.Any(h => RouteMatcher.HostMatches(h, host.Host));
        }

        var port = host.Port ?? (context.Request.IsHttps ? 443 : 80);
        if (port != context.Connection.LocalPort)
        {
            return false;
        }

        var local = context.Connection.LocalIpAddress;
        if (local is not null && IPAddress.TryParse(host.Host.Trim('[', ']'), out var named))
        {
            return named.Equals(local) || (local.IsIPv4MappedToIPv6 && named.Equals(local.MapToIPv4()));
        }

        if (host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return local is not null && IPAddress.IsLoopback(local);
        }

        return config.Listeners.Any(l => Uri.TryCreate(l.Url, UriKind.Absolute, out var url)
            && url.HostNameType == UriHostNameType.Dns
            && url.Host.Equals(host.Host, StringComparison.OrdinalIgnoreCase));
    }

    private void Warn(string route)
    {
        // A client controls how often this happens: one warning per interval, not one per request.
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last >= WarnEvery.Ticks && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            Log.UntrustedHost(logger, route);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Route {Route}: the request's Host is neither one of the route's hosts nor the listener's address, so no protected-resource metadata is advertised; set publicUrl to the gateway's public base URL")]
        public static partial void UntrustedHost(ILogger logger, string route);
    }
}
