using AgentGateway.Routing;
using Microsoft.Net.Http.Headers;

namespace AgentGateway.Traffic;

/// <summary>
/// Answers CORS preflights itself (they carry no credentials and must never reach the backend) and adds
/// the CORS response headers to actual requests from allowed origins. A disallowed origin gets none.
/// </summary>
internal sealed class CorsMiddleware(RequestDelegate next)
{
    // Not async on the way through: a route without CORS, or a request without Origin, costs no state machine here.
    public Task InvokeAsync(HttpContext context)
    {
        var policy = RouteTrafficPolicy.For(context).Cors;
        var origin = context.Request.Headers.Origin.ToString();
        return policy is null || origin.Length == 0 ? next(context) : ApplyAsync(context, policy, origin);
    }

    private async Task ApplyAsync(HttpContext context, CorsPolicy policy, string origin)
    {
        var allowed = policy.IsOriginAllowed(origin);
        var requestedMethod = context.Request.Headers.AccessControlRequestMethod.ToString();
        if (HttpMethods.IsOptions(context.Request.Method) && requestedMethod.Length > 0)
        {
            await AnswerPreflightAsync(context, policy, origin, allowed, requestedMethod);
            return;
        }

        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // The backend does not decide CORS on a route with a CORS policy; drop whatever it said.
            foreach (var name in headers.Keys.Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                headers.Remove(name);
            }

            if (allowed)
            {
                headers.AccessControlAllowOrigin = policy.AllowOriginValue(origin);
                if (policy.AllowCredentials)
                {
                    headers.AccessControlAllowCredentials = "true";
                }

                if (policy.ExposedHeaders is { } exposed)
                {
                    headers.AccessControlExposeHeaders = exposed;
                }
            }

            headers.Append(HeaderNames.Vary, HeaderNames.Origin);
            return Task.CompletedTask;
        });
        await next(context);
    }

    private static Task AnswerPreflightAsync(HttpContext context, CorsPolicy policy, string origin, bool allowed, string method)
    {
        var requestedHeaders = context.Request.Headers.AccessControlRequestHeaders.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var response = context.Response;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        if (!allowed)
        {
            return GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "cors_origin_not_allowed", $"origin '{origin}' is not allowed on this route");
        }

        if (!policy.IsMethodAllowed(method) || !policy.AreHeadersAllowed(requestedHeaders))
        {
            return GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "cors_request_not_allowed",
                $"the preflight asked for method '{method}' or headers that the route's CORS policy does not allow");
        }

        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.AccessControlAllowOrigin = policy.AllowOriginValue(origin);
        response.Headers.AccessControlAllowMethods = policy.AllowMethodsValue(method);
        if (requestedHeaders.Length > 0)
        {
            response.Headers.AccessControlAllowHeaders = string.Join(", ", requestedHeaders);
        }

        if (policy.AllowCredentials)
        {
            response.Headers.AccessControlAllowCredentials = "true";
        }

        if (policy.MaxAgeSeconds is { } maxAge)
        {
            response.Headers.AccessControlMaxAge = maxAge;
        }

        return Task.CompletedTask;
    }
}
