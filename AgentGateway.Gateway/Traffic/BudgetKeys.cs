namespace AgentGateway.Traffic;

/// <summary>Whom a budget charges: the principal, the API key or the route (as rate limits do), or each of the caller's groups.</summary>
internal static class BudgetKeys
{
    /// <summary>The counters' subjects; empty when a group budget finds no group (the call is refused, never unbudgeted).</summary>
    public static IReadOnlyList<string> Resolve(HttpContext context, BudgetConfig config)
    {
        if (!string.Equals(config.Key, "group", StringComparison.OrdinalIgnoreCase))
        {
            return [RateLimitKeys.Resolve(context, config.Key)];
        }

        if (context.User.Identity is not { IsAuthenticated: true })
        {
            return [];
        }

        // A JSON-array claim arrives as one claim per value; a space-separated value ("a b") is split like Cedar's groups.
        return [.. context.User.FindAll(config.GroupClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .Select(g => "group:" + g)];
    }
}
