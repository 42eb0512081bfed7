namespace AgentGateway.Mcp.Federation;

/// <summary>
/// Maps upstream names and URIs to the names a client sees and back. Tool and prompt names become
/// <c>target_name</c>; resource URIs become <c>target+uri</c> (a valid URI scheme, reversible because
/// target names contain neither <c>_</c> nor <c>+</c>).
/// </summary>
internal static class FederatedNames
{
    public const char NameSeparator = '_';
    public const char UriSeparator = '+';

    public static string ExposeName(string target, string name, bool prefixed) =>
        prefixed ? string.Concat(target, "_", name) : name;

    public static string ExposeUri(string target, string uri, bool prefixed) =>
        prefixed ? string.Concat(target, "+", uri) : uri;

    /// <summary>Splits <c>target_name</c>; the target must be one of <paramref name="targets"/>.</summary>
    public static bool TrySplitName(string exposed, IReadOnlyCollection<string> targets, out string target, out string name) =>
        TrySplit(exposed, NameSeparator, targets, out target, out name);

    /// <summary>Splits <c>target+uri</c>; the target must be one of <paramref name="targets"/>.</summary>
    public static bool TrySplitUri(string exposed, IReadOnlyCollection<string> targets, out string target, out string uri) =>
        TrySplit(exposed, UriSeparator, targets, out target, out uri);

    private static bool TrySplit(string exposed, char separator, IReadOnlyCollection<string> targets, out string target, out string rest)
    {
        var index = exposed.IndexOf(separator, StringComparison.Ordinal);
        if (index > 0 && index < exposed.Length - 1)
        {
            var candidate = exposed[..index];
            foreach (var t in targets)
            {
                if (string.Equals(t, candidate, StringComparison.Ordinal))
                {
                    target = t;
                    rest = exposed[(index + 1)..];
                    return true;
                }
            }
        }

        target = "";
        rest = "";
        return false;
    }
}
