using System.Text.RegularExpressions;

namespace AgentGateway.Llm.Guards;

/// <summary>An ordered list of guards applied to text: reject-guards throw, mask-guards rewrite.</summary>
internal sealed class GuardSet(IReadOnlyList<GuardRule> rules, bool onRequest)
{
    public static readonly GuardSet Empty = new([], onRequest: true);

    /// <summary>Longest text a streamed match may span; longer matches are only caught if they end in the window.</summary>
    public const int HoldBack = 128;

    public bool IsEmpty => rules.Count == 0;

    public static GuardSet Build(IReadOnlyList<LlmGuardRuleConfig>? configs, bool onRequest)
    {
        if (configs is null || configs.Count == 0)
        {
            return new GuardSet([], onRequest);
        }

        var rules = new List<GuardRule>();
        foreach (var c in configs)
        {
            var action = string.Equals(c.Action, "reject", StringComparison.OrdinalIgnoreCase) ? GuardAction.Reject : GuardAction.Mask;
            var rule = c.Builtin is { Length: > 0 } b
                ? BuiltinGuards.Create(b, action, c.Name)
                : new GuardRule(c.Name ?? "custom", new Regex(c.Regex!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), action);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return new GuardSet(rules, onRequest);
    }

    /// <summary>
    /// Throws <see cref="GuardRejectedException"/> when any rule matches, whatever its action: for text the gateway
    /// cannot rewrite safely (identifiers, property names) or must not see a match in after masking.
    /// </summary>
    public void EnsureClean(string text)
    {
        if (rules.Count == 0 || text.Length == 0)
        {
            return;
        }

        try
        {
            foreach (var rule in rules)
            {
                if (rule.IsMatch(text))
                {
                    throw new GuardRejectedException(rule.Name, onRequest);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            throw new GuardRejectedException("timeout", onRequest);
        }
    }

    /// <summary>Returns the masked text or throws <see cref="GuardRejectedException"/>.</summary>
    public string Apply(string text)
    {
        if (rules.Count == 0 || text.Length == 0)
        {
            return text;
        }

        try
        {
            foreach (var rule in rules)
            {
                if (rule.Action == GuardAction.Reject)
                {
                    if (rule.IsMatch(text))
                    {
                        throw new GuardRejectedException(rule.Name, onRequest);
                    }
                }
                else
                {
                    text = rule.Mask(text);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Fail closed: a pattern we cannot evaluate in time must not let the text through.
            throw new GuardRejectedException("timeout", onRequest);
        }

        return text;
    }
}
