using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using AgentGateway.Tests.SecurityProbe;

namespace AgentGateway.Tests.Security;

/// <summary>
/// A request attribute without a Cedar form denies the request (see CedarValues) and is never dropped without a trace:
/// each attribute key path is logged once a minute per route, naming the path and the reason, never the value.
/// </summary>
public sealed class CedarValuesLogTests
{
    private const string Marker = "SECRET-ARGUMENT-VALUE-41c9";

    [Fact]
    public async Task CallTool_AttributesWithoutACedarForm_AreLoggedOncePerKeyPath_WithoutValues()
    {
        var route = "values-" + Guid.NewGuid().ToString("N")[..8];
        var log = new CapturingLoggerProvider();
        await using var upstream = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(CedarProbeConfig.McpRoute(upstream.Url, "permit(principal, action, resource);", route),
            configure: b => b.Logging.AddProvider(log));
        var session = await McpSessionRaw.OpenAsync(gw.CreateClient());

        var answers = new List<System.Text.Json.JsonElement?>();
        foreach (var arguments in new[]
        {
            $$$"""{"filter":{"city":"{{{Marker}}}","city":"Paris"}}""",     // arguments.filter.city
            """{"filter":{"city":"Tokyo","city":"Oslo"}}""",                // the same attribute again: already reported
            $$"""{"items":[{"k":1,"k":"{{Marker}}"}]}""",                   // arguments.items[].k: another attribute
            """{"items":[{"x":1},{"k":2,"k":3}]}""",                         // arguments.items[1].k is items[].k again
        })
        {
            answers.Add((await session.CallToolAsync("secret", arguments)).Message);
        }

        Assert.All(answers, answer => Assert.True(McpSessionRaw.IsForbidden(answer), $"not denied: {answer}"));
        var lines = log.Entries.Where(e => e.Category.EndsWith("AuthorizationErrorLog", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Contains(route, l.Message, StringComparison.Ordinal));
        Assert.Equal(["arguments.filter.city", "arguments.items[].k"],
            lines.Select(l => l.Message.Split(" its attribute ")[1].Split(" has no Cedar form")[0]).Order(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.Contains("the key appears twice", l.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains(Marker, StringComparison.Ordinal) || e.Message.Contains("Paris", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("arguments.items[12].k", "arguments.items[].k")]
    [InlineData("arguments.a\nb", "arguments.a?b")]
    [InlineData("", "(unknown)")]
    public void AttributeName_FoldsIndexes_AndReplacesControlCharacters(string path, string logged) =>
        Assert.Equal(logged, AgentGateway.Security.AuthorizationErrorLog.AttributeName(path));
}
