using System.Text.RegularExpressions;
using AgentGateway.Llm.Providers;

namespace AgentGateway.Llm.Cost;

/// <summary>
/// Finds a model's price: the provider's <c>prices</c>, then the backend's, then <see cref="DefaultPrices"/>. In each
/// list an exact name wins over the name without its version suffix (<c>gpt-4o-2024-08-06</c> → <c>gpt-4o</c>,
/// <c>claude-sonnet-4-20250514</c> → <c>claude-sonnet-4</c>), which wins over a configured wildcard (<c>claude-*</c>).
/// </summary>
internal static partial class PriceCatalog
{
    public static ModelPrice? Find(LlmBackendConfig backend, LlmProviderConfig provider, string model) =>
        FindIn(provider.Prices, model) ?? FindIn(backend.Prices, model) ?? FindDefault(model);

    public static ModelPrice? FindDefault(string model)
    {
        foreach (var name in Names(model))
        {
            if (DefaultPrices.ByModel.TryGetValue(name, out var price))
            {
                return price;
            }
        }

        return null;
    }

    private static ModelPrice? FindIn(IReadOnlyDictionary<string, ModelPriceConfig> prices, string model)
    {
        if (prices.Count == 0)
        {
            return null;
        }

        foreach (var name in Names(model))
        {
            foreach (var (key, config) in prices)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return ModelPrice.From(config);
                }
            }
        }

        // The most specific wildcard: the longest pattern that matches.
        return prices.Where(p => ModelPattern.IsWildcard(p.Key) && ModelPattern.Matches(p.Key, model))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => ModelPrice.From(p.Value))
            .FirstOrDefault();
    }

    /// <summary>The model's name, then without its version suffixes one at a time (a snapshot costs what its family costs).</summary>
    private static IEnumerable<string> Names(string model)
    {
        yield return model;
        var name = model;
        while (VersionSuffix().Match(name) is { Success: true } m && m.Index > 0)
        {
            name = name[..m.Index];
            yield return name;
        }
    }

    // -2024-08-06, -20250514, -latest, -preview, -preview-05-20, -exp, -001 (Gemini), -v1 (Bedrock-style).
    [GeneratedRegex(@"-(\d{4}-\d{2}-\d{2}|\d{8}|latest|preview(-\d{2}-\d{2})?|exp(-\d{4})?|\d{3}|v\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionSuffix();
}
