using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.AppHost.Dashboard;

/// <summary>Serves the dashboard's page, script and styles from resources embedded in the AppHost assembly.</summary>
internal static class StaticAssets
{
    private static readonly Dictionary<string, string> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static void Map(WebApplication web)
    {
        web.MapGet("/", () => Serve("index.html"));
        web.MapGet("/{file}", (string file) => Serve(file));
    }

    private static IResult Serve(string file)
    {
        var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream("wwwroot/" + file);
        if (stream is null || !s_types.TryGetValue(Path.GetExtension(file), out var type))
        {
            stream?.Dispose();
            return Results.NotFound();
        }

        return Results.Stream(stream, type);
    }
}
