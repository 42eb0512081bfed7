namespace AgentGateway.Llm.Cost;

/// <summary>
/// The shipped price list: the providers' public list prices (standard tier, prompts under any long-context
/// threshold) in US dollars per million tokens, taken on <see cref="AsOf"/>. Prices change; override them with
/// <c>prices</c> on the llm backend or provider.
/// </summary>
internal static class DefaultPrices
{
    public const string AsOf = "2025-11-30";

    public static readonly IReadOnlyDictionary<string, ModelPrice> ByModel = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        // OpenAI
        ["gpt-4o"] = new(2.50m, 10.00m, 1.25m),
        ["gpt-4o-mini"] = new(0.15m, 0.60m, 0.075m),
        ["gpt-4.1"] = new(2.00m, 8.00m, 0.50m),
        ["gpt-4.1-mini"] = new(0.40m, 1.60m, 0.10m),
        ["gpt-4.1-nano"] = new(0.10m, 0.40m, 0.025m),
        ["o3"] = new(2.00m, 8.00m, 0.50m),
        ["o3-mini"] = new(1.10m, 4.40m, 0.55m),
        ["o3-pro"] = new(20.00m, 80.00m),
        ["o4-mini"] = new(1.10m, 4.40m, 0.275m),

        // Anthropic (cachedInput: cache reads)
        ["claude-opus-4-5"] = new(5.00m, 25.00m, 0.50m),
        ["claude-opus-4-1"] = new(15.00m, 75.00m, 1.50m),
        ["claude-opus-4"] = new(15.00m, 75.00m, 1.50m),
        ["claude-sonnet-4-5"] = new(3.00m, 15.00m, 0.30m),
        ["claude-sonnet-4"] = new(3.00m, 15.00m, 0.30m),
        ["claude-haiku-4-5"] = new(1.00m, 5.00m, 0.10m),
        ["claude-3-7-sonnet"] = new(3.00m, 15.00m, 0.30m),
        ["claude-3-5-sonnet"] = new(3.00m, 15.00m, 0.30m),
        ["claude-3-5-haiku"] = new(0.80m, 4.00m, 0.08m),
        ["claude-3-opus"] = new(15.00m, 75.00m, 1.50m),
        ["claude-3-haiku"] = new(0.25m, 1.25m, 0.03m),

        // Google Gemini (prompts up to 200k tokens where the price has tiers)
        ["gemini-2.5-pro"] = new(1.25m, 10.00m, 0.31m),
        ["gemini-2.5-flash"] = new(0.30m, 2.50m, 0.075m),
        ["gemini-2.5-flash-lite"] = new(0.10m, 0.40m, 0.025m),
        ["gemini-2.0-flash"] = new(0.10m, 0.40m, 0.025m),
        ["gemini-2.0-flash-lite"] = new(0.075m, 0.30m),
        ["gemini-1.5-pro"] = new(1.25m, 5.00m, 0.3125m),
        ["gemini-1.5-flash"] = new(0.075m, 0.30m, 0.01875m),
    };
}
