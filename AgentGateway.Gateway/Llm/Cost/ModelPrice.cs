namespace AgentGateway.Llm.Cost;

/// <summary>
/// A model's prices in US dollars per million tokens — which is also micro-dollars per token, the unit budgets
/// count in. Decimal, so a sum of many small calls does not drift.
/// </summary>
internal readonly record struct ModelPrice(decimal Input, decimal Output, decimal CachedInput)
{
    public ModelPrice(decimal input, decimal output)
        : this(input, output, input)
    {
    }

    /// <summary>The cost in US dollars; <paramref name="cachedInput"/> tokens are the part of the prompt read from cache.</summary>
    public decimal Usd(long input, long cachedInput, long output)
    {
        var cached = Math.Clamp(cachedInput, 0, Math.Max(0, input));
        return ((Math.Max(0, input) - cached) * Input + cached * CachedInput + Math.Max(0, output) * Output) / 1_000_000m;
    }

    /// <summary>The cost in whole micro-dollars, rounded up so a run of cheap calls is never free.</summary>
    public long MicroUsd(long input, long cachedInput, long output) => (long)Math.Ceiling(Usd(input, cachedInput, output) * 1_000_000m);

    public static ModelPrice? From(ModelPriceConfig config) =>
        config.Input is { } input && config.Output is { } output
            ? new ModelPrice((decimal)input, (decimal)output, (decimal)(config.CachedInput ?? input))
            : null;
}
