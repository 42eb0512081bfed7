using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AgentGateway.Tests.Mcp.TestServers;

/// <summary>
/// Test authentication: <c>X-Test-User: alice</c> makes the request's principal <c>sub=alice</c>. Installed in
/// front of the gateway pipeline (an IStartupFilter), standing in for a real authentication policy.
/// </summary>
public sealed class TestUser : IStartupFilter
{
    public const string Header = "X-Test-User";

    public static void Install(WebApplicationBuilder builder) => builder.Services.AddTransient<IStartupFilter, TestUser>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header].ToString() is { Length: > 0 } user)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", user)], "test"));
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
