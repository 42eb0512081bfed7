using AgentGateway.Configuration;

namespace AgentGateway.Traffic;

/// <summary>Checks header rules: valid names and values, and no hop-by-hop headers (those belong to one connection and are managed by the proxy).</summary>
internal static class HeaderRulesValidator
{
    private static readonly HashSet<string> HopByHop = new(
        ["Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length"],
        StringComparer.OrdinalIgnoreCase);

    public static void Validate(HeaderRuleSetConfig? rules, string path, ConfigValidationContext context)
    {
        if (rules is null)
        {
            return;
        }

        foreach (var (name, value) in rules.Add)
        {
            CheckName(name, $"{path}.add.{name}", context);
            CheckValue(value, $"{path}.add.{name}", context);
        }

        foreach (var (name, value) in rules.Set)
        {
            CheckName(name, $"{path}.set.{name}", context);
            CheckValue(value, $"{path}.set.{name}", context);
        }

        for (var i = 0; i < rules.Remove.Count; i++)
        {
            CheckName(rules.Remove[i], $"{path}.remove[{i}]", context);
        }
    }

    /// <summary>An RFC 9110 token (header names, methods).</summary>
    public static bool IsToken(string text) =>
        text.Length > 0 && text.All(c => c is > ' ' and < (char)127 && !"\"(),/:;<=>?@[\\]{}".Contains(c, StringComparison.Ordinal));

    private static void CheckName(string name, string path, ConfigValidationContext context)
    {
        if (!IsToken(name))
        {
            context.Error(path, $"'{name}' is not a header name");
        }
        else if (HopByHop.Contains(name))
        {
            context.Error(path, $"'{name}' is a hop-by-hop header managed by the gateway and cannot be rewritten");
        }
    }

    private static void CheckValue(string value, string path, ConfigValidationContext context)
    {
        if (value.Any(c => c is '\r' or '\n' or '\0'))
        {
            context.Error(path, "header values cannot contain line breaks or NUL");
        }
    }
}
