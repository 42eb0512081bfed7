using System.Net;
using System.Security.Claims;

namespace AgentGateway.Traffic;

/// <summary>
/// Decides who the client is before anything keys on it. <c>X-Forwarded-*</c> headers are believed only
/// from a peer inside the route's <c>trustedProxies</c> (then the client IP becomes the first address in
/// X-Forwarded-For that is not itself a trusted proxy); from anyone else they are stripped, so a client
/// cannot spoof its IP for rate limits or authorization. Also exposes the TLS client certificate's subject.
/// </summary>
internal sealed class ForwardedHeadersMiddleware(RequestDelegate next)
{
    public const string ClientCertSubjectItem = "agw.client_cert_subject";
    public const string ClientCertSubjectClaim = "agw:client_cert_subject";
    private static readonly string[] ForwardedHeaderNames = ["X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix", "Forwarded"];

    public Task InvokeAsync(HttpContext context)
    {
        var policy = RouteTrafficPolicy.For(context);
        var peer = context.Connection.RemoteIpAddress;
        if (peer is not null && IsTrusted(policy, peer))
        {
            if (ClientFromForwardedFor(policy, context.Request.Headers["X-Forwarded-For"].ToString()) is { } client)
            {
                context.Connection.RemoteIpAddress = client;
            }
        }
        else
        {
            foreach (var name in ForwardedHeaderNames)
            {
                context.Request.Headers.Remove(name);
            }
        }

        if (context.Connection.ClientCertificate is { } cert)
        {
            context.Items[ClientCertSubjectItem] = cert.Subject;
            context.User.AddIdentity(new ClaimsIdentity([new Claim(ClientCertSubjectClaim, cert.Subject)]));
        }

        return next(context);
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
