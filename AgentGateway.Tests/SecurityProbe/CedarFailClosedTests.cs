using System.Diagnostics.Metrics;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// A forbid whose evaluation errors denies (Cedar would skip it and let the call through); every error is counted in
/// <c>agentgateway.authorization.errors</c> and logged at most once a minute per cause, without argument values.
/// </summary>
public sealed class CedarFailClosedTests
{
    private const string Marker = "SECRET-ARGUMENT-VALUE-7f3a";

    private const string UnguardedForbid = """
        permit(principal, action, resource);
        forbid(principal, action == Action::"call_tool", resource) when { context.arguments.limit > 100 };
        """;

    [Fact]
    public async Task CallTool_ForbidThatErrors_Denies_IsCounted_AndLoggedOncePerMinuteWithoutValues()
    {
        var route = "probe-" + Guid.NewGuid().ToString("N")[..8];
        using var errors = new ErrorCounter(route);
        var log = new CapturingLoggerProvider();
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(CedarProbeConfig.McpRoute(upstream.Url, UnguardedForbid, route), configure: b => b.Logging.AddProvider(log));
        var session = await McpSessionRaw.OpenAsync(gw.CreateClient());

        var small = await session.CallToolAsync("secret", """{"limit":5}""");
        var large = await session.CallToolAsync("secret", """{"limit":500}""");
        var forbidErrored = new List<System.Text.Json.JsonElement?>();
        foreach (var arguments in new[] { $$"""{"limit":"{{Marker}}"}""", """{"limit":1.5}""", """{"limit":"500"}""", """{"other":1}""", $$"""{"limit":["{{Marker}}"]}""" })
        {
            forbidErrored.Add((await session.CallToolAsync("secret", arguments)).Message);
        }

        Assert.True(McpSessionRaw.IsResult(small.Message), $"not allowed: {small.Message}");
        Assert.True(McpSessionRaw.IsForbidden(large.Message), $"not denied: {large.Message}");
        Assert.All(forbidErrored, answer => Assert.True(McpSessionRaw.IsForbidden(answer), $"not denied: {answer}"));
        Assert.Equal(5, errors.Count("forbid"));
        var lines = log.Entries.Where(e => e.Category.EndsWith("AuthorizationErrorLog", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Equal(2, lines.Count); // "type error" (four calls) and "missing attribute" (one), each once within the minute
        Assert.Contains(lines, l => l.Contains("type error", StringComparison.Ordinal) && l.Contains(route, StringComparison.Ordinal) && l.Contains("denied", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("missing attribute", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains(Marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallTool_ArgumentsWithoutACedarForm_AreDenied_AndCountedAsRequestErrors()
    {
        var route = "probe-" + Guid.NewGuid().ToString("N")[..8];
        using var errors = new ErrorCounter(route);
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(CedarProbeConfig.McpRoute(upstream.Url, "permit(principal, action, resource);", route));
        var session = await McpSessionRaw.OpenAsync(gw.CreateClient());

        var duplicate = await session.CallToolAsync("secret", """{"filter":{"city":"Tokyo","city":"Paris"}}""");

        Assert.True(McpSessionRaw.IsForbidden(duplicate.Message), $"not denied: {duplicate.Message}");
        Assert.Equal(1, errors.Count("request"));
    }

    /// <summary>Counts <c>agentgateway.authorization.errors</c> of one route (tests run in parallel in one process).</summary>
    private sealed class ErrorCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<string> _effects = [];

        public ErrorCounter(string route)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "AgentGateway" && instrument.Name == "agentgateway.authorization.errors")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string? r = null, effect = null;
                foreach (var tag in tags)
                {
                    (r, effect) = tag.Key switch { "route" => (tag.Value as string, effect), "effect" => (r, tag.Value as string), _ => (r, effect) };
                }

                if (r == route)
                {
                    lock (_effects)
                    {
                        _effects.AddRange(Enumerable.Repeat(effect ?? "", (int)value));
                    }
                }
            });
            _listener.Start();
        }

        public int Count(string effect)
        {
            lock (_effects)
            {
                return _effects.Count(e => e == effect);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
