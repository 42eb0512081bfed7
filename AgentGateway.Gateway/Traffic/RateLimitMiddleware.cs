namespace AgentGateway.Traffic;

/// <summary>
/// Request limits count this request; token limits only check that the window still has budget (a handler
/// reserves and settles the actual tokens through <see cref="ITokenBudget"/>). The tightest rule
/// reports its numbers in the <c>x-ratelimit-*</c> headers; a rejection answers 429 with Retry-After.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, RateLimiter limiter)
{
    // Not async on the way through: a route without rate limits costs no state machine here.
    public Task InvokeAsync(HttpContext context)
    {
        var policy = RouteTrafficPolicy.For(context);
        return policy.RateLimits.Count == 0 ? next(context) : LimitAsync(context, policy);
    }

    private async Task LimitAsync(HttpContext context, RouteTrafficPolicy policy)
    {
        RateLimitOutcome? tightest = null;
        foreach (var rule in policy.RateLimits)
        {
            foreach (var (unit, limit, amount) in Checks(rule))
            {
                var key = limiter.WindowKey(context, rule, unit);
                var outcome = await limiter.AddAsync(rule, key, limit, amount, force: false, context.RequestAborted);
                if (!outcome.Admitted)
                {
                    limiter.AddHeaders(context, outcome);
                    await RateLimiter.RejectAsync(context, outcome, unit);
                    return;
                }

                if (tightest is null || outcome.Remaining < tightest.Remaining)
                {
                    tightest = outcome;
                }
            }
        }

        if (tightest is not null)
        {
            limiter.AddHeaders(context, tightest);
        }

        await next(context);
    }

    private static IEnumerable<(string Unit, long Limit, long Amount)> Checks(RateLimitRule rule)
    {
        if (rule.Config.Requests is { } requests)
        {
            yield return (RateLimiter.Requests, requests, 1);
        }

        if (rule.Config.Tokens is { } tokens)
        {
            yield return (RateLimiter.Tokens, tokens, 0);
        }
    }
}
