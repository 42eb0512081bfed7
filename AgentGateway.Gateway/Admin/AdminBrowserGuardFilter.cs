using System.Net;
using AgentGateway.Configuration;
using AgentGateway.Hosting;

namespace AgentGateway.Admin;

/// <summary>
/// Browser protections for the UI and <c>/api</c> (403 with a JSON error):
/// <list type="bullet">
/// <item>DNS rebinding: the Host header must name this listener — a loopback name or address, or the admin URL's own
/// host — on the port the connection arrived at. A page on evil.example whose name was rebound to 127.0.0.1 sends
/// <c>Host: evil.example</c>. An admin listener on all interfaces (which needs <c>admin.policy</c>) accepts any name.</item>
/// <item>CSRF: a request that is not GET/HEAD must carry <see cref="CsrfHeader"/> (a custom header: a cross-site form
/// cannot set one, and a cross-site fetch that does needs a CORS preflight the admin API never grants), and its
/// <c>Origin</c>, when sent, must be this listener's origin.</item>
/// </list>
/// </summary>
internal sealed class AdminBrowserGuardFilter : IEndpointFilter
{
    public const string CsrfHeader = "X-AgentGateway-Admin";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var adminUrl = context.RequestServices.GetRequiredService<AdminListener>().Url ?? "";
        if (!HostAllowed(context, adminUrl))
        {
            return ValueTask.FromResult<object?>(Forbidden($"the Host header '{context.Request.Host}' does not name the admin listener"));
        }

        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
        {
            if (context.Request.Headers[CsrfHeader] != "1")
            {
                return ValueTask.FromResult<object?>(Forbidden($"state-changing admin requests need the header '{CsrfHeader}: 1'"));
            }

            if (context.Request.Headers.Origin is [{ } origin] && !SameOrigin(origin, context))
            {
                return ValueTask.FromResult<object?>(Forbidden($"cross-origin admin requests are refused (Origin '{origin}')"));
            }
        }

        return next(invocation);
    }

    internal static bool HostAllowed(HttpContext context, string adminUrl)
    {
        var host = context.Request.Host;
        if (!host.HasValue)
        {
            return false;
        }

        var port = host.Port ?? 80;
        if (context.Connection.LocalPort != 0 && port != context.Connection.LocalPort)
        {
            return false;
        }

        var name = host.Host.Trim('[', ']');
        if (LoopbackHost.IsLoopback(name))
        {
            return true;
        }

        var configured = BindingAddress.Parse(adminUrl).Host.Trim('[', ']');
        if (configured is "*" or "+" || (IPAddress.TryParse(configured, out var bound) && (bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any))))
        {
            return true; // all interfaces: admin.policy authenticates every caller instead
        }

        return name.Equals(configured, StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameOrigin(string origin, HttpContext context) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme.Equals(context.Request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static IResult Forbidden(string message) =>
        Results.Json(new { error = new { type = "forbidden", message } }, statusCode: StatusCodes.Status403Forbidden);
}
