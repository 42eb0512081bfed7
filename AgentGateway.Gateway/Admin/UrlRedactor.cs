using System.Text.RegularExpressions;

namespace AgentGateway.Admin;

/// <summary>
/// Hides the parts of URLs that carry credentials, wherever a URL appears in a string: the userinfo
/// (<c>https://user:pass@host</c> → <c>https://***@host</c>), every query value (names stay:
/// <c>?api_key=***&amp;v=***</c>) and the fragment. All query values go, not only secret-looking names:
/// a key-name list always misses some provider's <c>?code=</c> or <c>?sig=</c>.
/// </summary>
internal static partial class UrlRedactor
{
    public static string Redact(string text) =>
        !text.Contains("://", StringComparison.Ordinal) ? text : Url().Replace(text, m =>
            m.Groups["scheme"].Value
            + (m.Groups["userinfo"].Success ? ConfigRedactor.Mask + "@" : "")
            + m.Groups["rest"].Value
            + (m.Groups["query"].Success ? "?" + RedactQuery(m.Groups["query"].Value) : "")
            + (m.Groups["fragment"].Success ? "#" + ConfigRedactor.Mask : ""));

    private static string RedactQuery(string query) => string.Join('&', query.Split('&').Select(part =>
        part.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0
            ? part[..(eq + 1)] + (eq + 1 < part.Length ? ConfigRedactor.Mask : "")
            : part.Length > 0 ? ConfigRedactor.Mask : part));

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?:(?<userinfo>[^\s/?#@]*)@)?(?<rest>[^\s?#]*)(?:\?(?<query>[^\s#]*))?(?:#(?<fragment>\S*))?")]
    private static partial Regex Url();
}
