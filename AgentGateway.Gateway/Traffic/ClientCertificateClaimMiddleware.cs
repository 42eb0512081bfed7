namespace AgentGateway.Traffic;

/// <summary>
/// Authentication replaces <c>HttpContext.User</c>; this step, after it, puts the TLS client certificate's subject
/// claim (<see cref="ForwardedHeadersMiddleware"/> recorded it before authentication) back on the user, so the
/// backend handlers still see it.
/// </summary>
internal sealed class ClientCertificateClaimMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ForwardedHeadersMiddleware.AddClientCertificateClaim(context);
        return next(context);
    }
}
