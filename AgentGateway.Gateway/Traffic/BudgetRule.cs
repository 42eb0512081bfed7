namespace AgentGateway.Traffic;

/// <summary>
/// One USD budget of a route, compiled: its limit in micro-dollars (the stores count integers) and the rate-limit
/// rule its counters go through, which never fails open — an unpriced or uncounted call must not slip through.
/// </summary>
internal sealed record BudgetRule(string PolicyName, BudgetConfig Config, long LimitMicroUsd, RateLimitRule Counter)
{
    public const long MicroUsdPerUsd = 1_000_000;

    public static BudgetRule Create(string policyName, BudgetConfig config, TimeSpan window)
    {
        var limit = (long)Math.Floor((config.Usd ?? 0) * MicroUsdPerUsd);
        var counter = new RateLimitConfig { Per = config.Per, Key = config.Key, Store = config.Store, FailOpen = false };
        return new BudgetRule(policyName, config, limit, new RateLimitRule(policyName, counter, window));
    }
}
