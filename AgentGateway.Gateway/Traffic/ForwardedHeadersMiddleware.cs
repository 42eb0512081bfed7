using System.Net;
using System.Security.Claims;

namespace AgentGateway.Traffic;

/// <summary>
/// Decides who the client is before anything keys on it. <c>X-Forwarded-*</c> headers are believed only
/// from a peer inside the route's <c>trustedProxies</c> (then the client IP becomes the first address in
/// X-Forwarded-For that is not itself a trusted proxy); from anyone else they are stripped, so a client
/// cannot spoof its IP for rate limits or authorization. Then the peer is appended to X-Forwarded-For (and
/// Proto/Host set when absent) for the backend. Also exposes the TLS client certificate's subject.
/// </summary>
internal sealed class ForwardedHeadersMiddleware(RequestDelegate next)
{
    public const string ClientCertSubjectItem = "agw.client_cert_subject";
    public const string ClientCertSubjectClaim = "agw:client_cert_subject";
    private static readonly string[] ForwardedHeaderNames = ["X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix", "Forwarded"];

    public Task InvokeAsync(HttpContext context)
    {
        var policy = RouteTrafficPolicy.For(context);
        var peer = context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;
        var headers = context.Request.Headers;
        var forwardedFor = headers["X-Forwarded-For"].ToString();
        if (peer is not null && IsTrusted(policy, peer))
        {
            if (ClientFromForwardedFor(policy, forwardedFor) is { } client)
            {
                context.Connection.RemoteIpAddress = client;
            }
        }
        else
        {
            foreach (var name in ForwardedHeaderNames)
            {
                headers.Remove(name);
            }

            forwardedFor = "";
        }

        // What the backend learns is the truth as this hop saw it: the chain so far (trusted only) plus our peer.
        if (peer is not null)
        {
            headers["X-Forwarded-For"] = forwardedFor.Length > 0 ? $"{forwardedFor}, {peer}" : peer.ToString();
        }

        if (!headers.ContainsKey("X-Forwarded-Proto"))
        {
            headers["X-Forwarded-Proto"] = context.Request.Scheme;
        }

        if (!headers.ContainsKey("X-Forwarded-Host") && context.Request.Host.HasValue)
        {
            headers["X-Forwarded-Host"] = context.Request.Host.Value;
        }

        if (context.Connection.ClientCertificate is { } cert)
        {
            context.Items[ClientCertSubjectItem] = cert.Subject;
            AddClientCertificateClaim(context);
        }

        return next(context);
    }

    /// <summary>Adds the client certificate subject claim to <c>HttpContext.User</c> unless it is there already.</summary>
    public static void AddClientCertificateClaim(HttpContext context)
    {
        if (context.Items[ClientCertSubjectItem] is string subject && context.User.FindFirst(ClientCertSubjectClaim) is null)
        {
            context.User.AddIdentity(new ClaimsIdentity([new Claim(ClientCertSubjectClaim, subject)]));
        }
    }

    private static bool IsTrusted(RouteTrafficPolicy policy, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in policy.TrustedProxies)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress? ClientFromForwardedFor(RouteTrafficPolicy policy, string header)
    {
        var hops = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Walk from the nearest hop outwards; the first untrusted address is the real client.
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var address))
            {
                return null;
            }

            if (i == 0 || !IsTrusted(policy, address))
            {
                return address;
            }
        }

        return null;
    }
}
