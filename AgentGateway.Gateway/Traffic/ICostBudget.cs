namespace AgentGateway.Traffic;

/// <summary>
/// USD budgets of the request's route, counted in micro-dollars. The LLM handler prices its estimate, reserves it
/// before calling the provider and settles the priced usage afterwards — the same contract as <see cref="ITokenBudget"/>.
/// </summary>
public interface ICostBudget
{
    /// <summary>Whether the request's route has any budget (so the call must be priced, or refused).</summary>
    bool Applies(HttpContext context);

    /// <summary>Output tokens to price into the estimate when the request sets no maximum (the largest of the route's budgets).</summary>
    long DefaultMaxOutputTokens(HttpContext context);

    /// <summary>
    /// Reserves <paramref name="microUsd"/> in every budget of the route, all or nothing. When one has no room (or its
    /// store is unreachable, or a group budget finds no group), nothing is reserved, the error is written and
    /// <see cref="ITokenLease.IsAcquired"/> is false.
    /// </summary>
    ValueTask<ITokenLease> ReserveAsync(HttpContext context, long microUsd, CancellationToken cancellationToken = default);
}
