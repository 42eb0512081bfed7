using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AgentGateway.Telemetry;

namespace AgentGateway.Security;

/// <summary>
/// Reports authorization errors: every one is counted in <c>agentgateway.authorization.errors</c>; logs are limited
/// to one per route, policy and cause per minute (with the number left out since), so a client that sends bad
/// arguments in a loop cannot flood the log. Logs name the policy and the kind of error, never request values:
/// Cedar's own messages can quote argument values, so they are not logged. A request attribute without a Cedar form
/// is logged once a minute per route and attribute key path, so every such attribute shows up at least once.
/// </summary>
internal sealed partial class AuthorizationErrorLog(ILogger<AuthorizationErrorLog> logger, TimeProvider time)
{
    private const int MaxTracked = 4096;

    // Key names come from clients: one that invents new names on every call gets this many reports a minute, no more.
    private const int MaxAttributesPerMinute = 20;
    private const int MaxAttributeLength = 200;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);

    /// <summary>A policy of <paramref name="policy"/> could not be evaluated for this request.</summary>
    public void PolicyFailed(string route, string action, string policy, string policyId, bool forbid, string message)
    {
        var effect = forbid ? "forbid" : "permit";
        GatewayMetrics.AuthorizationErrors.Add(1, new("route", route), new("action", action), new("policy", policy), new("effect", effect));
        var kind = Kind(message);
        if (Allow($"{route}\n{policy}\n{policyId}\n{kind}") is { } suppressed)
        {
            Log.PolicyFailed(logger, route, policyId, effect, policy, action, kind,
                forbid ? "the request is denied" : "the policy grants nothing", suppressed);
        }
    }

    /// <summary>
    /// Part of the request has no Cedar form, so no policy was evaluated and the request is denied. Reported once a
    /// minute per attribute key path (array indexes folded: <c>items[3].k</c> counts as <c>items[].k</c>).
    /// </summary>
    public void RequestNotRepresentable(string route, string action, string policy, CedarValueException problem)
    {
        GatewayMetrics.AuthorizationErrors.Add(1, new("route", route), new("action", action), new("policy", policy), new("effect", "request"));
        var attribute = AttributeName(problem.Path);
        if (Allow($"{route}\nrequest\n{attribute}") is { } suppressed && Allow($"{route}\nrequest attributes", MaxAttributesPerMinute) is not null)
        {
            Log.RequestNotRepresentable(logger, route, action, attribute, Shorten(problem.Reason), suppressed);
        }
    }

    /// <summary>The key path as logged: indexes folded, control characters replaced (keys are client text), bounded length.</summary>
    internal static string AttributeName(string path)
    {
        var name = Shorten(IndexPattern().Replace(path, "[]"));
        return name.Length == 0 ? "(unknown)" : string.Create(name.Length, name, static (span, n) =>
        {
            for (var i = 0; i < n.Length; i++)
            {
                span[i] = char.IsControl(n[i]) ? '?' : n[i];
            }
        });
    }

    private static string Shorten(string text) => text.Length > MaxAttributeLength ? text[..MaxAttributeLength] + "…" : text;

    /// <summary>The number of reports left out since the last log when this one may be logged; null to leave it out.</summary>
    private long? Allow(string key, int perWindow = 1)
    {
        if (_budgets.Count > MaxTracked)
        {
            _budgets.Clear(); // keys come from config (routes, policies), so this only happens after many reloads
        }

        var budget = _budgets.GetOrAdd(key, static _ => new Budget());
        var now = time.GetTimestamp();
        lock (budget)
        {
            if (budget.WindowStart == 0 || time.GetElapsedTime(budget.WindowStart, now) >= Window)
            {
                (budget.WindowStart, budget.Logged) = (now, 0);
            }

            if (budget.Logged >= perWindow)
            {
                budget.Suppressed++;
                return null;
            }

            var suppressed = budget.Suppressed;
            (budget.Logged, budget.Suppressed) = (budget.Logged + 1, 0);
            return suppressed;
        }
    }

    /// <summary>The kind of evaluation error, from the engine's message, without the values it may quote.</summary>
    internal static string Kind(string message) => message switch
    {
        _ when message.StartsWith("type error", StringComparison.Ordinal) => "type error",
        _ when message.Contains("does not have the attribute", StringComparison.Ordinal) => "missing attribute",
        _ when message.Contains("does not have the tag", StringComparison.Ordinal) => "missing tag",
        _ when message.Contains("does not exist", StringComparison.Ordinal) => "unknown entity",
        _ when message.Contains("overflow", StringComparison.Ordinal) => "overflow",
        _ when message.Contains("extension function", StringComparison.Ordinal) || message.Contains("argument(s)", StringComparison.Ordinal) => "extension call",
        _ => "evaluation error",
    };

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex IndexPattern();

    private sealed class Budget
    {
        public long WindowStart { get; set; }

        public int Logged { get; set; }

        public long Suppressed { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Route {Route}: Cedar policy {PolicyId} ({Effect}) of '{Policy}' could not be evaluated for {Action}: {ErrorKind}; {Outcome}. {Suppressed} similar errors since the last report")]
        public static partial void PolicyFailed(ILogger logger, string route, string policyId, string effect, string policy, string action, string errorKind, string outcome, long suppressed);

        [LoggerMessage(2, LogLevel.Warning, "Route {Route}: a {Action} request is denied: its attribute {Attribute} has no Cedar form ({Reason}). {Suppressed} similar requests since the last report")]
        public static partial void RequestNotRepresentable(ILogger logger, string route, string action, string attribute, string reason, long suppressed);
    }
}
