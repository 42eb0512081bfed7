using System.Collections.Concurrent;
using AgentGateway.Configuration;
using AgentGateway.Cedar;

namespace AgentGateway.Security;

/// <summary>
/// Parsed Cedar policy sets per named policy. A policy file is re-read when it changes (so editing a
/// .cedar file takes effect without touching the YAML); a version that does not parse is logged and the
/// last good one keeps deciding. Config-time parse errors are reported by the validator instead.
/// </summary>
internal sealed partial class CedarPolicyCache(IGatewayConfigProvider config, ILogger<CedarPolicyCache> logger)
{
    private readonly ConcurrentDictionary<string, (string Key, CedarPolicySet Set)> _sets = new(StringComparer.Ordinal);

    public CedarPolicySet Get(string policyName, AuthorizationConfig authorization)
    {
        var (key, load) = Source(authorization, config.BaseDirectory);
        if (_sets.TryGetValue(policyName, out var cached) && cached.Key == key)
        {
            return cached.Set;
        }

        try
        {
            var set = CedarPolicySet.Parse(load());
            _sets[policyName] = (key, set);
            return set;
        }
        catch (Exception ex) when (ex is CedarParseException or IOException)
        {
            Log.PolicyUnusable(logger, policyName, ex.Message);
            // Fail closed when there never was a good version: an empty set denies everything.
            return cached.Set ?? CedarPolicySet.Parse("");
        }
    }

    /// <summary>A cache key that changes with the policy text's source, and how to read the text.</summary>
    public static (string Key, Func<string> Load) Source(AuthorizationConfig authorization, string baseDirectory)
    {
        if (authorization.CedarText is { } text)
        {
            return ("text:" + text, () => text);
        }

        var path = Path.GetFullPath(authorization.Cedar ?? "", baseDirectory);
        var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path).Ticks : 0;
        return ($"file:{path}:{stamp}", () => File.ReadAllText(path));
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Cedar policy '{Policy}' could not be loaded; the last good version keeps deciding: {Reason}")]
        public static partial void PolicyUnusable(ILogger logger, string policy, string reason);
    }
}
