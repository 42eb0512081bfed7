using System.Text.RegularExpressions;

namespace AgentGateway.Llm.Guards;

/// <summary>A compiled guard: a pattern, an optional extra check on each match (e.g. Luhn) and an action.</summary>
internal sealed class GuardRule(string name, Regex pattern, GuardAction action, Func<string, bool>? accept = null)
{
    public string Name { get; } = name;

    public GuardAction Action { get; } = action;

    /// <summary>What a masked match is replaced with, e.g. <c>[EMAIL]</c>.</summary>
    public string Placeholder { get; } = "[" + name.ToUpperInvariant().Replace('-', '_') + "]";

    public bool IsMatch(string text)
    {
        foreach (Match m in pattern.Matches(text))
        {
            if (accept is null || accept(m.Value))
            {
                return true;
            }
        }

        return false;
    }

    public string Mask(string text) =>
        pattern.Replace(text, m => accept is null || accept(m.Value) ? Placeholder : m.Value);
}
