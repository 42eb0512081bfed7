using AgentGateway.Cedar;

namespace AgentGateway.Http;

/// <summary>
/// Finds <c>resource.path</c> comparisons that can never hold: http routes give policies the path lower-cased
/// (<see cref="CanonicalPath.ForPolicy"/>), so a literal with an upper-case letter never matches, and a forbid
/// written that way would silently never fire.
/// </summary>
internal static class HttpPathPolicyLint
{
    /// <summary>The offending literals, in policy order.</summary>
    public static IEnumerable<string> UpperCaseLiterals(CedarPolicySet set) =>
        set.Policies.SelectMany(p => p.LiteralsComparedWith(CedarVar.Resource, "path")).Where(l => l.Any(char.IsUpper));
}
