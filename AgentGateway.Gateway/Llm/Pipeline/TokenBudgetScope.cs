using AgentGateway.Traffic;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// Runs one LLM call inside the route's token limits: reserve the estimate (a 429 is written when there is no
/// room), settle the reported usage after the call, give the reservation back when the call failed before
/// anything reached the client. A call broken mid-stream keeps its estimate: tokens were spent.
/// </summary>
internal static class TokenBudgetScope
{
    // Without a token limit on the route the call runs as is: no state machine of its own around it.
    public static Task RunAsync(ITokenBudget budget, HttpContext http, Func<long> estimate, Func<Task<TokenUsage?>> call) =>
        budget.Applies(http) ? RunBudgetedAsync(budget, http, estimate, call) : call();

    private static async Task RunBudgetedAsync(ITokenBudget budget, HttpContext http, Func<long> estimate, Func<Task<TokenUsage?>> call)
    {
        var reserved = estimate();
        var lease = await budget.ReserveAsync(http, reserved, http.RequestAborted);
        if (!lease.IsAcquired)
        {
            return;
        }

        TokenUsage? usage;
        try
        {
            usage = await call();
        }
        catch when (!http.Response.HasStarted)
        {
            lease.Release();
            throw;
        }

        await lease.SettleAsync(usage is null ? reserved : usage.Input + usage.Output, CancellationToken.None);
    }
}
