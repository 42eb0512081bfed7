using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Llm.Cost;

public class CostConfigValidationTests
{
    [Fact]
    public async Task InvalidBudgetsAndPrices_ReportEveryErrorWithItsPath()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync("""
            routes: [{ name: models, path: /v1, llm: models, policies: [spend, nothing] }]
            llm:
              models:
                providers:
                  - { name: p, type: mock, models: ["*"], prices: { gpt-x: { input: -1 } } }
                prices:
                  gpt-y: { output: 2, cachedInput: -3 }
            policies:
              spend: { budget: { usd: 0, per: soon, key: team, groupClaim: "", store: disk, defaultMaxOutputTokens: 0 } }
              nothing: { budget: { per: 1h, store: redis } }
            """));

        foreach (var expected in new[]
        {
            "llm.models.providers[0].prices.gpt-x.input: must be a number",
            "llm.models.providers[0].prices.gpt-x.output: is required",
            "llm.models.prices.gpt-y.input: is required",
            "llm.models.prices.gpt-y.cachedInput",
            "policies.spend.budget.usd: must be a positive number",
            "policies.spend.budget.per",
            "policies.spend.budget.key: 'team' is not a budget key",
            "policies.spend.budget.groupClaim",
            "policies.spend.budget.store",
            "policies.spend.budget.defaultMaxOutputTokens",
            "policies.nothing.budget.usd: is required",
            "policies.nothing.budget.store: the redis store needs the connection string",
        })
        {
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
    }
}
