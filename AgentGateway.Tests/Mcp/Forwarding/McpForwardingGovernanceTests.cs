using System.Net;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using AgentGateway.Tests.SecurityProbe;

namespace AgentGateway.Tests.Mcp.Forwarding;

/// <summary>
/// Cedar holds on the forwarding path against odd but valid bodies: the forwarded call is authorized with the same
/// resolution and the same inputs as the SDK path, and what the forwarding path cannot read plainly goes to the SDK.
/// </summary>
public sealed class McpForwardingGovernanceTests(McpForwardingGovernanceTests.Gateway fixture) : IClassFixture<McpForwardingGovernanceTests.Gateway>
{
    private const string Policy = """
        permit(principal, action, resource);
        forbid(principal, action == Action::"call_tool", resource) when { resource.name == "secret" };
        forbid(principal, action == Action::"call_tool", resource)
          when { resource.name == "add" && context has arguments && context.arguments has a && context.arguments.a == 13 };
        """;

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"secret"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"\u0073ecret"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"secre\u0074","arguments":{}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"s-7","method":"tools/call","params":{"extra":[1,{"name":"add"}],"name":"secret","arguments":{"x":null}}}""")]
    [InlineData("""{"id":7,"extra":{"method":"tools/list"},"params":{"name":"secret"},"method":"tools/call","jsonrpc":"2.0"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"secret","_meta":{"progressToken":"p","name":"add"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"add","arguments":{"a":13,"b":1.5,"c":null,"d":[null,2.5e10]}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"add","arguments":{"b":2,"\u0061":13}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"add","name":"secret"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"secret","name":"add"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"Secret"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"SECRET"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools\/call","params":{"name":"secret"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/\u0063all","params":{"name":"secret"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7.0,"method":"tools/call","params":{"name":"secret"}}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"secret"}}]""")]
    public async Task CallTool_ForbiddenOrUnclear_IsNeverAResult(string body)
    {
        var session = await McpSessionRaw.OpenAsync(fixture.Client);

        var (status, answer) = await session.RequestAsync(body);

        Assert.False(status == HttpStatusCode.OK && McpSessionRaw.IsResult(answer), $"answered with a result: {answer}");
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"secret"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"\u0073ecret"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"add","arguments":{"a":13,"b":1.5,"c":null}}}""")]
    public async Task CallTool_Forbidden_OnTheForwardedPath_IsTheGatewaysRefusal(string body)
    {
        using var spans = new ForwardedSpans();
        var session = await McpSessionRaw.OpenAsync(fixture.Client);

        var (_, answer) = await session.RequestAsync(body);

        Assert.True(McpSessionRaw.IsForbidden(answer), $"not denied: {answer}");
        Assert.Equal(7, answer!.Value.GetProperty("id").GetInt32());
        var span = Assert.Single(spans.Of(body.Contains("add", StringComparison.Ordinal) ? "add" : "secret", session.SessionId));
        Assert.True(ForwardedSpans.IsForwarded(span), "the refusal came from the SDK path, not the forwarding path");
    }

    [Fact]
    public async Task CallTool_Allowed_IsForwardedWithTheClientsIdBack()
    {
        using var spans = new ForwardedSpans();
        var session = await McpSessionRaw.OpenAsync(fixture.Client);

        var (status, answer) = await session.RequestAsync("""{"jsonrpc":"2.0","id":"client-id-\u00e9","method":"tools/call","params":{"name":"add","arguments":{"a":1,"b":2}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(McpSessionRaw.IsResult(answer), $"not a result: {answer}");
        Assert.Equal("client-id-\u00e9", answer!.Value.GetProperty("id").GetString());
        Assert.Equal(3, answer.Value.GetProperty("result").GetProperty("structuredContent").GetProperty("sum").GetInt32());
        Assert.True(ForwardedSpans.IsForwarded(Assert.Single(spans.Of("add", session.SessionId))));
    }

    /// <summary>One upstream and one gateway for all cases.</summary>
    public sealed class Gateway() : CedarMcpGateway(Policy);
}
