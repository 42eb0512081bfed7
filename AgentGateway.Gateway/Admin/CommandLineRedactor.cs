using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentGateway.Admin;

/// <summary>
/// Hides the secrets of a stdio target's <c>args</c>. An argument is hidden when it follows a flag whose
/// name says secret (<c>--token X</c>, <c>--api-key X</c>), is the value of such a flag or name
/// (<c>--api-key=X</c>, <c>TOKEN=X</c>), is a header (after <c>-H</c>/<c>--header</c>, or <c>Authorization: X</c>:
/// the name stays), is a bearer/basic credential, or has the shape of a well-known token (JWT, <c>sk-</c>,
/// <c>ghp_</c>, …). URLs in any argument lose their userinfo and query values (<see cref="UrlRedactor"/>).
/// </summary>
internal static partial class CommandLineRedactor
{
    // Broader than the config key words: flag spellings vary (--pwd, --auth, --bearer, --cookie).
    private static readonly string[] SecretWords =
        ["key", "password", "passwd", "pwd", "secret", "token", "credential", "auth", "bearer", "cookie", "session", "private", "signature"];

    private static readonly string[] HeaderFlags = ["-H", "--header", "--headers"];

    private enum Next
    {
        Any,
        Secret,
        Header,
    }

    public static void Redact(JsonArray args)
    {
        var next = Next.Any;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is JsonValue value && value.TryGetValue<string>(out var arg))
            {
                args[i] = JsonValue.Create(Redact(arg, next, out next));
            }
            else
            {
                next = Next.Any;
            }
        }
    }

    private static string Redact(string arg, Next expected, out Next next)
    {
        next = Next.Any;
        var isFlag = arg.StartsWith('-') && arg.Length > 1;
        if (expected == Next.Secret && !isFlag)
        {
            return ConfigRedactor.Mask;
        }

        if (expected == Next.Header && !isFlag)
        {
            return HeaderValueMasked(arg);
        }

        if (isFlag && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
        {
            return IsSecretWord(arg[..eq]) ? arg[..(eq + 1)] + ConfigRedactor.Mask : arg[..(eq + 1)] + Value(arg[(eq + 1)..]);
        }

        if (isFlag)
        {
            next = HeaderFlags.Contains(arg, StringComparer.Ordinal) ? Next.Header : IsSecretWord(arg) ? Next.Secret : Next.Any;
            return arg;
        }

        return Value(arg);
    }

    /// <summary>A free-standing value: <c>NAME=value</c>, <c>Name: value</c>, a credential or a URL.</summary>
    private static string Value(string value)
    {
        if (NameValue().Match(value) is { Success: true } pair && IsSecretWord(pair.Groups["name"].Value))
        {
            return pair.Groups["name"].Value + pair.Groups["sep"].Value + ConfigRedactor.Mask;
        }

        if (Credential().Match(value) is { Success: true } credential)
        {
            return credential.Groups["scheme"].Success ? credential.Groups["scheme"].Value + " " + ConfigRedactor.Mask : ConfigRedactor.Mask;
        }

        return UrlRedactor.Redact(value);
    }

    private static string HeaderValueMasked(string header) =>
        header.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? header[..(colon + 1)] + " " + ConfigRedactor.Mask : ConfigRedactor.Mask;

    private static bool IsSecretWord(string name) => SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    // NAME=value, Name: value (a header written as one argument).
    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_.\-]+)(?<sep>=|:\s*)(?<value>.+)$")]
    private static partial Regex NameValue();

    // "Bearer x" / "Basic x", a JWT, or a token with a well-known vendor prefix.
    [GeneratedRegex(@"^(?:(?<scheme>Bearer|Basic|Token)\s+\S+|eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*|(?:sk-|sk_|rk_|pk_live_|ghp_|gho_|ghs_|ghu_|github_pat_|glpat-|xox[abpr]-|AKIA|ASIA|AIza)[A-Za-z0-9_\-]{8,}.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
