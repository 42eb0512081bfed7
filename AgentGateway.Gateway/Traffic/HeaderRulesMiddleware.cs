namespace AgentGateway.Traffic;

/// <summary>
/// Applies the route's header rules: request rules before the backend sees the request, response rules
/// just before the response starts (so they also cover errors the gateway writes itself).
/// </summary>
internal sealed class HeaderRulesMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var policy = RouteTrafficPolicy.For(context);
        if (policy.RequestHeaders is { } request)
        {
            Apply(context.Request.Headers, request);
        }

        if (policy.ResponseHeaders is { } response)
        {
            context.Response.OnStarting(() =>
            {
                Apply(context.Response.Headers, response);
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    internal static void Apply(IHeaderDictionary headers, HeaderRuleSetConfig rules)
    {
        foreach (var name in rules.Remove)
        {
            headers.Remove(name);
        }

        foreach (var (name, value) in rules.Set)
        {
            headers[name] = value;
        }

        foreach (var (name, value) in rules.Add)
        {
            headers.Append(name, value);
        }
    }
}
