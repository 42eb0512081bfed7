namespace AgentGateway.Admin;

/// <summary>
/// 405 for a method an admin endpoint does not take. Admin endpoints are mapped for every method and check here:
/// routing's own method matching builds 405 endpoints into the route tree, which would answer, say,
/// <c>POST /api/overview</c> on a public listener before <see cref="AdminOnlyMatcherPolicy"/> could hand the
/// request to the gateway's routes.
/// </summary>
internal sealed class AdminMethodFilter(params string[] methods) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var request = invocation.HttpContext.Request;
        if (methods.Any(m => string.Equals(m, request.Method, StringComparison.OrdinalIgnoreCase)))
        {
            return next(invocation);
        }

        invocation.HttpContext.Response.Headers.Allow = string.Join(", ", methods);
        return ValueTask.FromResult<object?>(Results.Json(
            new { error = new { type = "method_not_allowed", message = $"use {string.Join(" or ", methods)}" } },
            statusCode: StatusCodes.Status405MethodNotAllowed));
    }
}

/// <summary>Maps admin endpoints for every method, each accepting only its own (see <see cref="AdminMethodFilter"/>).</summary>
internal static class AdminRouteExtensions
{
    private static readonly string[] Reads = [HttpMethods.Get, HttpMethods.Head];

    public static RouteHandlerBuilder MapAdminGet(this IEndpointRouteBuilder group, string pattern, Delegate handler) =>
        group.Map(pattern, handler).AddEndpointFilter(new AdminMethodFilter(Reads));

    public static RouteHandlerBuilder MapAdminPost(this IEndpointRouteBuilder group, string pattern, Delegate handler) =>
        group.Map(pattern, handler).AddEndpointFilter(new AdminMethodFilter(HttpMethods.Post));
}
