using System.Reflection;

namespace AgentGateway.Admin.Ui;

/// <summary>
/// Serves the admin UI: static files embedded in the gateway assembly (no build step, no CDN, nothing on disk), at
/// <c>/ui</c> on the admin listener only. Files are read from the assembly on request, so an unused UI costs nothing
/// but the assembly's bytes. A strict Content-Security-Policy allows only this origin's scripts, styles and fetches.
/// </summary>
internal static class AdminUiEndpoints
{
    private const string Prefix = "AgentGateway.Admin.Ui.Assets.";
    private static readonly Assembly Assembly = typeof(AdminUiEndpoints).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static void MapAdminUi(this RouteGroupBuilder admin)
    {
        var ui = admin.MapGroup("/ui").AddEndpointFilter<AdminBrowserGuardFilter>();
        // "/ui" and "/ui/" are one route pattern; "/ui" redirects so the page's relative module paths resolve under /ui/.
        ui.MapAdminGet("/{file?}", (HttpContext context, string? file) =>
            file is not null ? Serve(context, file)
            : context.Request.Path.Value!.EndsWith('/') ? Serve(context, "index.html")
            : Results.Redirect("/ui/", permanent: false));
    }

    private static IResult Serve(HttpContext context, string file)
    {
        // Names are looked up among the embedded files, so no path can leave them.
        if (!ContentTypes.TryGetValue(Path.GetExtension(file), out var type) || Assembly.GetManifestResourceStream(Prefix + file) is not { } stream)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Stream(stream, type);
    }
}
