using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>
/// The managed-identity token endpoint Azure App Service and Container Apps give a process (<c>IDENTITY_ENDPOINT</c>,
/// checked with <c>X-IDENTITY-HEADER</c>): each call issues a new token <c>entra-token-N</c> valid for
/// <see cref="MockLlmOptions.EntraTokenLifetimeSeconds"/>, so tests see when the gateway fetches again.
/// </summary>
internal static class ManagedIdentityHandler
{
    public const string Secret = "mock-identity-header";

    public static void Map(WebApplication app, MockState state) =>
        app.MapGet("/msi/token", (HttpRequest request) =>
        {
            if (request.Headers["X-IDENTITY-HEADER"] != Secret || string.IsNullOrEmpty(request.Query["resource"]))
            {
                return Results.StatusCode(400);
            }

            var n = ++state.TokensIssued;
            return Results.Json(new Dictionary<string, string>
            {
                ["access_token"] = "entra-token-" + n.ToString(CultureInfo.InvariantCulture),
                ["expires_on"] = DateTimeOffset.UtcNow.AddSeconds(state.Options.EntraTokenLifetimeSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["resource"] = request.Query["resource"].ToString(),
                ["token_type"] = "Bearer",
            });
        });
}
