using System.Globalization;
using AgentGateway.Routing;

namespace AgentGateway.Traffic;

/// <summary>Reserves priced estimates in every USD budget of the route (each of the caller's groups for a group budget), all or nothing.</summary>
internal sealed partial class CostBudget(RateLimiter limiter, TimeProvider time, ILogger<CostBudget> logger) : ICostBudget
{
    public bool Applies(HttpContext context) => RouteTrafficPolicy.For(context).Budgets.Count > 0;

    public long DefaultMaxOutputTokens(HttpContext context) =>
        RouteTrafficPolicy.For(context).Budgets.Select(b => b.Config.DefaultMaxOutputTokens).DefaultIfEmpty(0).Max();

    public async ValueTask<ITokenLease> ReserveAsync(HttpContext context, long microUsd, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(microUsd);
        var reserved = new List<TokenReservation>();
        foreach (var budget in RouteTrafficPolicy.For(context).Budgets)
        {
            var subjects = BudgetKeys.Resolve(context, budget.Config);
            if (subjects.Count == 0)
            {
                Release(reserved, microUsd);
                Log.NoGroup(logger, budget.PolicyName, budget.Config.GroupClaim);
                await GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "budget_no_group",
                    $"budget '{budget.PolicyName}' is per group (claim '{budget.Config.GroupClaim}') and the caller is in none");
                return Refused;
            }

            foreach (var subject in subjects)
            {
                var key = limiter.WindowKey(budget.Counter, RateLimiter.Usd, subject);
                var outcome = await limiter.AddAsync(budget.Counter, key, budget.LimitMicroUsd, microUsd, force: false, cancellationToken);
                if (!outcome.Admitted)
                {
                    Release(reserved, microUsd);
                    await RejectAsync(context, budget, outcome);
                    return Refused;
                }

                reserved.Add(new TokenReservation(budget.Counter, key, budget.LimitMicroUsd));
            }
        }

        return new TokenLease(limiter, reserved, microUsd, acquired: true);
    }

    private TokenLease Refused => new(limiter, [], 0, acquired: false);

    private void Release(List<TokenReservation> reserved, long microUsd) => new TokenLease(limiter, reserved, microUsd, acquired: false).Release();

    private Task RejectAsync(HttpContext context, BudgetRule budget, RateLimitOutcome outcome)
    {
        var route = context.Features.Get<GatewayRoute>()?.Name;
        Telemetry.GatewayMetrics.RateLimitRejections.Add(1, new("route", route ?? "(none)"), new("unit", RateLimiter.Usd),
            new("reason", outcome.StoreFailed ? "store_unavailable" : "limit"));
        if (outcome.StoreFailed)
        {
            // Logged by the limiter; a budget never fails open.
            return GatewayErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "budget_unavailable",
                $"budget '{budget.PolicyName}': the budget store is unreachable and budgets fail closed");
        }

        var retryAfter = Math.Max(1, (long)Math.Ceiling((outcome.ResetAt - time.GetUtcNow()).TotalSeconds));
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        Log.Exhausted(logger, budget.PolicyName, route ?? "(none)");
        var usd = (budget.Config.Usd ?? 0).ToString("0.######", CultureInfo.InvariantCulture);
        return GatewayErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "budget_exceeded",
            $"budget '{budget.PolicyName}' of ${usd} per {budget.Config.Per} is exhausted; retry after {retryAfter} s");
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Budget {Policy} exhausted on route {Route}: call refused with 429")]
        public static partial void Exhausted(ILogger logger, string policy, string route);

        [LoggerMessage(2, LogLevel.Warning, "Budget {Policy} is per group (claim {Claim}) and the caller is in none: call refused with 403")]
        public static partial void NoGroup(ILogger logger, string policy, string claim);
    }
}
