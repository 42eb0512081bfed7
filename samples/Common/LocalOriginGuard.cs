using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Samples.Common;

/// <summary>
/// DNS-rebinding protection for sample MCP servers (MCP spec: servers MUST validate Origin).
/// A page on evil.example can resolve its name to 127.0.0.1 and make the browser talk to a local
/// server; the browser still sends the attacker's Host and Origin, so both are checked here.
/// </summary>
public static class LocalOriginGuard
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    /// <summary>
    /// Rejects requests whose Host or Origin names a host other than loopback or one listed in
    /// configuration key <c>Mcp:AllowedHosts</c> (semicolon separated; <c>*</c> turns the check off,
    /// e.g. when the server runs behind a trusted gateway in a container).
    /// </summary>
    public static IApplicationBuilder UseLocalOriginGuard(this IApplicationBuilder app, string? extraAllowedHosts)
    {
        var extra = (extraAllowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (extra.Contains("*"))
        {
            return app;
        }

        var allowed = new HashSet<string>(LoopbackHosts.Concat(extra), StringComparer.OrdinalIgnoreCase);
        return app.Use(async (context, next) =>
        {
            if (!IsAllowed(context.Request, allowed))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new
                {
                    jsonrpc = "2.0",
                    error = new { code = -32000, message = "Forbidden: Host or Origin is not an allowed local address" },
                    id = (object?)null,
                });
                return;
            }

            await next(context);
        });
    }

    internal static bool IsAllowed(HttpRequest request, HashSet<string> allowed)
    {
        if (!allowed.Contains(request.Host.Host))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true; // Non-browser clients send no Origin.
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (allowed.Contains(uri.Host) || allowed.Contains(uri.IdnHost));
    }
}
