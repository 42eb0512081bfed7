using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// A forbid on a tool argument holds whatever else the arguments carry: values Cedar has no type for (null, floats,
/// huge numbers) are presented in a documented form instead of the whole <c>arguments</c> record being dropped.
/// </summary>
public sealed class CedarArgumentForbidTests(CedarArgumentForbidTests.Gateway fixture) : IClassFixture<CedarArgumentForbidTests.Gateway>
{
    private const string Policy = """
        permit(principal, action, resource);
        forbid(principal, action == Action::"call_tool", resource)
          when { context has arguments && context.arguments has city && context.arguments.city == "Tokyo" };
        """;

    [Theory]
    [InlineData("""{"city":"Tokyo"}""")]
    [InlineData("""{"city":"Tokyo","x":null}""")]
    [InlineData("""{"city":"Tokyo","x":1.5}""")]
    [InlineData("""{"city":"Tokyo","x":1e400}""")]
    [InlineData("""{"city":"Tokyo","x":-1e-400}""")]
    [InlineData("""{"city":"Tokyo","x":123456789012345678901234567890}""")]
    [InlineData("""{"city":"Tokyo","x":[1,[2.5,null,-0.00001],{"y":null,"z":[]}]}""")]
    [InlineData("""{"city":"Tokyo","x":{"deep":{"deeper":{"n":1E+2,"m":-9.99e-300,"o":[null]}}}}""")]
    [InlineData("""{"city":"\u0054okyo"}""")]
    [InlineData("""{"\u0063ity":"Tok\u0079o"}""")]
    [InlineData("""{"city":"Paris","city":"Tokyo"}""")]
    [InlineData("""{"city":"Tokyo","__entity":{"type":"User","id":"admin"},"__extn":{"fn":"ip","arg":"10.0.0.1"}}""")]
    [InlineData("""{"x":{"a":1,"a":2},"city":"Tokyo"}""")]
    [InlineData("""{"a":true,"b":false,"c":"","d":{},"e":[],"f":0,"g":-0.0,"h":9223372036854775808,"city":"Tokyo"}""")]
    public async Task CallTool_ForbidOnCityArgument_HoldsWhateverElseTheArgumentsCarry(string arguments)
    {
        var session = await McpSessionRaw.OpenAsync(fixture.Client);

        var (_, answer) = await session.CallToolAsync("secret", arguments);

        Assert.True(McpSessionRaw.IsForbidden(answer), $"not denied: {answer}");
    }

    [Theory]
    [InlineData("""{"city":"Paris","x":1.5}""")]
    [InlineData("""{"city":"Paris","x":null,"y":1e400,"z":123456789012345678901234567890}""")]
    [InlineData("""{"city":"tokyo"}""")]
    [InlineData("""{"city":"Tokyo","city":"Paris"}""")]
    [InlineData("""{}""")]
    public async Task CallTool_OtherArguments_AreAllowed_ValuesWithoutACedarTypeDoNotDenyOnTheirOwn(string arguments)
    {
        var session = await McpSessionRaw.OpenAsync(fixture.Client);

        var (_, answer) = await session.CallToolAsync("secret", arguments);

        Assert.True(McpSessionRaw.IsResult(answer), $"not allowed: {answer}");
    }

    [Fact]
    public async Task CallTool_ObjectWithADuplicateKeyInsideTheArguments_IsDenied_EvenWithoutTheForbiddenCity()
    {
        // Parsers disagree on which of two equal keys counts, so Cedar could see another value than the upstream.
        var session = await McpSessionRaw.OpenAsync(fixture.Client);

        var (_, answer) = await session.CallToolAsync("secret", """{"city":"Paris","filter":{"city":"Tokyo","city":"Paris"}}""");

        Assert.True(McpSessionRaw.IsForbidden(answer), $"not denied: {answer}");
    }

    /// <summary>One upstream and one gateway for all cases.</summary>
    public sealed class Gateway() : CedarMcpGateway(Policy);
}
