namespace AgentGateway.Traffic;

/// <summary>Reserves token estimates in every token limit of the route, all or nothing.</summary>
internal sealed class TokenBudget(RateLimiter limiter) : ITokenBudget
{
    public bool Applies(HttpContext context)
    {
        foreach (var rule in RouteTrafficPolicy.For(context).RateLimits)
        {
            if (rule.Config.Tokens is not null)
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask<ITokenLease> ReserveAsync(HttpContext context, long estimate, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(estimate);
        var reserved = new List<TokenReservation>();
        RateLimitOutcome? tightest = null;
        foreach (var rule in RouteTrafficPolicy.For(context).RateLimits)
        {
            if (rule.Config.Tokens is not { } limit)
            {
                continue;
            }

            var key = limiter.WindowKey(context, rule, RateLimiter.Tokens);
            var outcome = await limiter.AddAsync(rule, key, limit, estimate, force: false, cancellationToken);
            if (!outcome.Admitted)
            {
                // All or nothing: give back what the earlier limits reserved.
                new TokenLease(limiter, reserved, estimate, acquired: false).Release();
                limiter.AddHeaders(context, outcome);
                await RateLimiter.RejectAsync(context, outcome, RateLimiter.Tokens);
                return new TokenLease(limiter, [], 0, acquired: false);
            }

            reserved.Add(new TokenReservation(rule, key, limit));
            if (tightest is null || outcome.Remaining < tightest.Remaining)
            {
                tightest = outcome;
            }
        }

        if (tightest is not null)
        {
            limiter.AddHeaders(context, tightest);
        }

        return new TokenLease(limiter, reserved, estimate, acquired: true);
    }
}

/// <summary>One limit's share of a reservation: the rule and the window counter it went into.</summary>
internal sealed record TokenReservation(RateLimitRule Rule, RateLimitWindowKey Key, long Limit);
