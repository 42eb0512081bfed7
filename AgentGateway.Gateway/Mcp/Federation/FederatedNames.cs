using ModelContextProtocol.Protocol;

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

    /// <summary>
    /// Resource URIs inside tool results and prompts (resource links, embedded resources) are the target's own; the
    /// client reads them back through the gateway, so they are exposed the way listed resources are.
    /// </summary>
    public static void ExposeUris(IEnumerable<ContentBlock> content, string target, bool prefixed)
    {
        if (!prefixed)
        {
            return;
        }

        foreach (var block in content)
        {
            switch (block)
            {
                case ResourceLinkBlock link:
                    link.Uri = ExposeUri(target, link.Uri, prefixed);
                    break;
                case EmbeddedResourceBlock embedded:
                    embedded.Resource.Uri = ExposeUri(target, embedded.Resource.Uri, prefixed);
                    break;
            }
        }
    }

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
