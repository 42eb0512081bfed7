using AgentGateway.Llm;
using AgentGateway.Llm.Cost;

namespace AgentGateway.Tests.Llm.Cost;

/// <summary>The shipped price list, its version-suffix lookup, and the backend and provider overrides.</summary>
public class PriceCatalogTests
{
    private static readonly LlmProviderConfig Plain = new() { Name = "p", Type = "openai" };

    [Theory]
    [InlineData("gpt-4o", 2.50, 10.00, 1.25)]
    [InlineData("gpt-4o-2024-08-06", 2.50, 10.00, 1.25)]
    [InlineData("gpt-4o-mini-2024-07-18", 0.15, 0.60, 0.075)]
    [InlineData("gpt-4.1-nano", 0.10, 0.40, 0.025)]
    [InlineData("o3-mini-2025-01-31", 1.10, 4.40, 0.55)]
    [InlineData("o4-mini", 1.10, 4.40, 0.275)]
    [InlineData("claude-sonnet-4-20250514", 3.00, 15.00, 0.30)]
    [InlineData("claude-opus-4-1-20250805", 15.00, 75.00, 1.50)]
    [InlineData("claude-3-5-haiku-latest", 0.80, 4.00, 0.08)]
    [InlineData("gemini-2.5-flash", 0.30, 2.50, 0.075)]
    [InlineData("gemini-1.5-pro-002", 1.25, 5.00, 0.3125)]
    public void Defaults_PriceCommonModels_AndTheirSnapshots(string model, double input, double output, double cached)
    {
        var price = PriceCatalog.Find(new LlmBackendConfig(), Plain, model);

        Assert.Equal(new ModelPrice((decimal)input, (decimal)output, (decimal)cached), price);
    }

    [Theory]
    [InlineData("mock-gpt")]
    [InlineData("gpt-4o-realtime")]
    [InlineData("my-finetune")]
    public void AModelNobodyPriced_HasNoPrice(string model) =>
        Assert.Null(PriceCatalog.Find(new LlmBackendConfig(), Plain, model));

    [Fact]
    public void ProviderPrices_WinOverBackendPrices_WhichWinOverTheDefaults()
    {
        var backend = new LlmBackendConfig
        {
            Prices = new Dictionary<string, ModelPriceConfig>
            {
                ["gpt-4o"] = new() { Input = 2, Output = 8 },
                ["claude-*"] = new() { Input = 1, Output = 2 },
                ["claude-opus-*"] = new() { Input = 10, Output = 20, CachedInput = 1 },
            },
        };
        var provider = Plain with { Prices = new Dictionary<string, ModelPriceConfig> { ["gpt-4o-mini"] = new() { Input = 0.1, Output = 0.2 } } };

        Assert.Equal(new ModelPrice(0.1m, 0.2m, 0.1m), PriceCatalog.Find(backend, provider, "gpt-4o-mini-2024-07-18"));
        Assert.Equal(new ModelPrice(2m, 8m, 2m), PriceCatalog.Find(backend, provider, "gpt-4o"));
        Assert.Equal(new ModelPrice(0.40m, 1.60m, 0.10m), PriceCatalog.Find(backend, provider, "gpt-4.1-mini"));
        Assert.Equal(new ModelPrice(1m, 2m, 1m), PriceCatalog.Find(backend, provider, "claude-sonnet-4"));
        Assert.Equal(new ModelPrice(10m, 20m, 1m), PriceCatalog.Find(backend, provider, "claude-opus-4")); // the longer wildcard
    }

    [Fact]
    public void Cost_IsPerMillionTokens_CachedTokensAtTheirOwnPrice_AndMicroDollarsRoundUp()
    {
        var price = new ModelPrice(2.50m, 10.00m, 1.25m);

        Assert.Equal(0.0125m, price.Usd(1000, 0, 1000));
        Assert.Equal(0.01225m, price.Usd(1000, 200, 1000)); // 800 × 2.50 + 200 × 1.25 + 1000 × 10, per million
        Assert.Equal(12_500, price.MicroUsd(1000, 0, 1000));
        Assert.Equal(3, price.MicroUsd(1, 0, 0)); // 2.5 micro-dollars: never free
    }
}
