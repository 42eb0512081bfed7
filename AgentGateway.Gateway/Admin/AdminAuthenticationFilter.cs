using AgentGateway.Configuration;
using AgentGateway.Security;

namespace AgentGateway.Admin;

/// <summary>
/// When <c>admin.policy</c> is set, every admin request must authenticate with that policy's methods (JWT, API key
/// or basic, as on routes): 401 with the policy's challenges otherwise. Without it the admin API trusts its
/// socket, which the config validator only allows on loopback.
/// </summary>
internal sealed class AdminAuthenticationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var config = context.RequestServices.GetRequiredService<IGatewayConfigProvider>().Current;
        if (config.Admin.Policy is not { } name || config.Policies.GetValueOrDefault(name)?.Authentication is not { } method)
        {
            return await next(invocation);
        }

        var outcome = await context.RequestServices.GetRequiredService<RouteAuthenticator>()
            .AuthenticateAsync(context.Request, [method], context.RequestAborted);
        if (outcome.Principal is null)
        {
            var challenges = new List<string>();
            if (method.Jwt is not null || method.ApiKeys.Count > 0)
            {
                challenges.Add("Bearer realm=\"agentgateway-admin\"");
            }

            if (method.Basic is { } basic)
            {
                challenges.Add($"Basic realm=\"{basic.Realm}\", charset=\"UTF-8\"");
            }

            context.Response.Headers.WWWAuthenticate = new([.. challenges]);
            return Results.Json(
                new { error = new { type = "unauthorized", message = outcome.Error ?? $"the admin API needs credentials for policy '{name}'" } },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        context.User = outcome.Principal;
        return await next(invocation);
    }
}
