using System.Text.RegularExpressions;

namespace AgentGateway.Llm.Guards;

/// <summary>The built-in detectors. Patterns are deliberately conservative to keep false positives low.</summary>
internal static partial class BuiltinGuards
{
    public static readonly IReadOnlyList<string> Names = ["email", "phone", "credit-card", "ssn", "secret"];

    public static GuardRule? Create(string builtin, GuardAction action, string? name) => builtin.ToLowerInvariant() switch
    {
        "email" => new GuardRule(name ?? "email", Email(), action),
        "phone" => new GuardRule(name ?? "phone", Phone(), action),
        "credit-card" or "creditcard" => new GuardRule(name ?? "credit-card", CreditCard(), action, Luhn.IsValid),
        "ssn" => new GuardRule(name ?? "ssn", Ssn(), action, IsPlausibleSsn),
        "secret" or "api-key" => new GuardRule(name ?? "secret", Secret(), action),
        _ => null,
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();

    // International prefix optional; 10 digits in 3-3-4 groups (NANP style) or +CC followed by 7-12 digits.
    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}|\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4})(?!\w)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CreditCard();

    [GeneratedRegex(@"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Ssn();

    // OpenAI/Anthropic keys, AWS access key ids, GitHub tokens, Slack tokens, Google API keys, bearer JWTs.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Secret();

    private static bool IsPlausibleSsn(string value)
    {
        var area = value[..3];
        return area != "000" && area != "666" && value[0] != '9' && value.Substring(4, 2) != "00" && value[7..] != "0000";
    }
}
