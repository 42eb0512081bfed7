using AgentGateway.Llm.Pipeline;
using AgentGateway.Llm.Runtime;
using AgentGateway.Llm.Wire;
using AgentGateway.Routing;
using AgentGateway.Security;
using AgentGateway.Traffic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Llm.Cost;

/// <summary>
/// Prices one chat call and runs it inside the route's USD budgets: on a budgeted route every candidate must have
/// a price (403 otherwise — never unbudgeted), the costliest candidate's estimate is reserved (a 429 is written when
/// there is no room), and the priced usage of the provider that answered is settled after the call — at the end
/// of a stream for streaming calls. The cost metric is recorded on every priced call, budgeted or not.
/// </summary>
internal sealed partial class CostScope(ICostBudget budget, ILogger<CostScope> logger)
{
    public Task RunAsync(HttpContext http, ChatCall call, IReadOnlyList<ModelCandidate> candidates, Func<Task> inner)
    {
        if (budget.Applies(http))
        {
            return RunBudgetedAsync(http, call, candidates, inner);
        }

        // Without a budget the price only feeds the cost metric: when nothing reads that metric, the call runs as is.
        return CostTelemetry.Cost.Enabled ? RunThenRecordAsync(http, call, candidates, inner) : inner();
    }

    private static async Task RunThenRecordAsync(HttpContext http, ChatCall call, IReadOnlyList<ModelCandidate> candidates, Func<Task> inner)
    {
        await inner();
        Record(http, call, candidates);
    }

    private async Task RunBudgetedAsync(HttpContext http, ChatCall call, IReadOnlyList<ModelCandidate> candidates, Func<Task> inner)
    {
        var estimate = 0L;
        var maxOutput = call.Request.Options.MaxOutputTokens ?? budget.DefaultMaxOutputTokens(http);
        foreach (var candidate in candidates)
        {
            if (PriceOf(call, candidate) is not { } price)
            {
                Log.Unpriced(logger, candidate.UpstreamModel, candidate.Provider.Name, http.Features.Get<GatewayRoute>()?.Name ?? "(none)");
                throw new LlmRequestException(403,
                    $"The model '{candidate.UpstreamModel}' of provider '{candidate.Provider.Name}' has no price, and this route has a USD budget: add it to the backend's or provider's 'prices'.",
                    "model", "model_not_priced");
            }

            estimate = Math.Max(estimate, price.MicroUsd(call.InputEstimate, 0, maxOutput));
        }

        var lease = await budget.ReserveAsync(http, estimate, http.RequestAborted);
        if (!lease.IsAcquired)
        {
            return;
        }

        try
        {
            await inner();
        }
        catch when (!http.Response.HasStarted)
        {
            lease.Release();
            throw;
        }

        // No usage: nothing was called (a token limit refused the call after the budget admitted it).
        if (Record(http, call, candidates) is { } microUsd)
        {
            await lease.SettleAsync(microUsd, CancellationToken.None);
        }
        else
        {
            lease.Release();
        }
    }

    /// <summary>Prices the usage of the provider that answered and adds it to the metric; null when there is nothing to price.</summary>
    private static long? Record(HttpContext http, ChatCall call, IReadOnlyList<ModelCandidate> candidates)
    {
        if (call.Usage is not { } usage || candidates.Count == 0)
        {
            return null;
        }

        var answered = http.Features.Get<LlmUsageFeature>()?.Provider;
        var candidate = candidates.FirstOrDefault(c => string.Equals(c.Provider.Name, answered, StringComparison.OrdinalIgnoreCase)) ?? candidates[0];
        if (PriceOf(call, candidate) is not { } price)
        {
            return null;
        }

        var usd = price.Usd(usage.Input, 0, usage.Output);
        CostTelemetry.Record(usd, http.Features.Get<GatewayRoute>()?.Name ?? "(none)", Principal(http), candidate.Provider.Name, candidate.UpstreamModel);
        return price.MicroUsd(usage.Input, 0, usage.Output);
    }

    private static ModelPrice? PriceOf(ChatCall call, ModelCandidate candidate) =>
        PriceCatalog.Find(call.Runtime.Config, candidate.Provider.Config, candidate.UpstreamModel);

    private static string Principal(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true } identity
            ? http.User.FindFirst(GatewayClaims.PrincipalId)?.Value ?? identity.Name ?? "(unknown)"
            : "(anonymous)";

    private static partial class Log
    {
        [LoggerMessage(101, LogLevel.Warning, "Refused an LLM call on budgeted route {Route}: model {Model} of provider {Provider} has no price")]
        public static partial void UnpricedCore(ILogger logger, string route, string model, string provider);

        public static void Unpriced(ILogger logger, string model, string provider, string route) => UnpricedCore(logger, route, model, provider);
    }
}
