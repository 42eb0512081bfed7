using AgentGateway.Configuration;

namespace AgentGateway.Llm.Cost;

/// <summary>Checks a <c>prices</c> map: every model needs non-negative input and output prices.</summary>
internal static class PriceConfigValidator
{
    public static void Validate(string path, IReadOnlyDictionary<string, ModelPriceConfig> prices, ConfigValidationContext context)
    {
        foreach (var (model, price) in prices)
        {
            var at = $"{path}.{model}";
            if (string.IsNullOrWhiteSpace(model))
            {
                context.Error(path, "a model name must not be empty");
            }

            Check(price.Input, $"{at}.input", required: true, context);
            Check(price.Output, $"{at}.output", required: true, context);
            Check(price.CachedInput, $"{at}.cachedInput", required: false, context);
        }
    }

    private static void Check(double? value, string path, bool required, ConfigValidationContext context)
    {
        if (value is null)
        {
            if (required)
            {
                context.Error(path, "is required (US dollars per million tokens)");
            }
        }
        else if (!(value >= 0) || double.IsInfinity(value.Value) || value > 1_000_000)
        {
            context.Error(path, "must be a number of US dollars per million tokens, 0 or more");
        }
    }
}
