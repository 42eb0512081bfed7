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
        forbid(principal, action == Action::"get_prompt", resource) when { resource.name == "greet" };
        forbid(principal, action == Action::"read_resource", resource) when { resource.uri == "note://readme" };
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

    /// <summary>
    /// The forwarding path hands Cedar the client's arguments object itself, the SDK path an object serialized from its
    /// argument dictionary: both must decide alike on odd arguments (a session whose client samples keeps the SDK path).
    /// </summary>
    [Theory]
    [InlineData("""{"a":13}""", "forbidden")]
    [InlineData("""{"\u0061":13,"b":1}""", "forbidden")]
    [InlineData("""{"b":"\u00e9\ud83d\ude00\"","a":13,"c":null}""", "forbidden")]
    [InlineData("""{"a":13,"b":1,"x":{"y":[1,null,{"z":1e400}],"n":null}}""", "forbidden")]
    [InlineData("""{"A":13,"a":1,"b":1}""", "allowed")]
    [InlineData("""{"a":"13","b":1}""", "allowed")]
    [InlineData("""{"a":13.0,"b":1}""", "allowed")]
    [InlineData("""{"a":1.3e1,"b":1}""", "allowed")]
    [InlineData("""{"a":13000000000000000000000,"b":1}""", "allowed")]
    [InlineData("""{"a":null,"b":13}""", "allowed")]
    [InlineData("""{"a ":13,"a":1,"b":1}""", "allowed")]
    [InlineData("""{"a":[13],"b":1}""", "allowed")]
    // Duplicate keys are never forwarded; the SDK path reads the last one, for the policy and the tool alike.
    [InlineData("""{"a":12,"a":13,"b":1}""", "forbidden", false)]
    [InlineData("""{"a":13,"b":1,"a":12}""", "allowed", false)]
    public async Task CallTool_ArgumentPolicy_DecidesAlikeOnBothPaths(string arguments, string expected, bool forwarded = true)
    {
        using var spans = new ForwardedSpans();
        var forwarding = await McpSessionRaw.OpenAsync(fixture.Client);
        var sdk = await McpSessionRaw.OpenAsync(fixture.Client, capabilities: """{"sampling":{}}""");
        var body = $$$"""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"add","arguments":{{{arguments}}}}}""";

        var (_, viaForwarding) = await forwarding.RequestAsync(body);
        var (_, viaSdk) = await sdk.RequestAsync(body);

        Assert.Equal(McpSessionRaw.IsForbidden(viaSdk), McpSessionRaw.IsForbidden(viaForwarding));
        Assert.Equal(McpSessionRaw.IsResult(viaSdk), McpSessionRaw.IsResult(viaForwarding));
        switch (expected)
        {
            case "forbidden":
                Assert.True(McpSessionRaw.IsForbidden(viaForwarding), $"not denied: {viaForwarding}");
                break;
            default: // a tool result (the tool may report bad arguments itself)
                Assert.True(viaForwarding is { } answer && answer.TryGetProperty("result", out _), $"not a tool result: {viaForwarding}");
                break;
        }

        Assert.False(ForwardedSpans.IsForwarded(Assert.Single(spans.Of("add", sdk.SessionId))), "the sampling client's call was forwarded");
        Assert.Equal(forwarded, ForwardedSpans.IsForwarded(Assert.Single(spans.Of("add", forwarding.SessionId))));
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

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"greet","arguments":{"name":"x"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"gr\u0065et","arguments":{"name":"x"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"n\u0061me":"greet","arguments":{"name":"x"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"Greet","arguments":{"name":"x"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"GREET","arguments":{"name":"x"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"add","name":"greet","arguments":{"name":"x"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"greet","n\u0061me":"add","arguments":{"name":"x"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7.0,"method":"prompts/get","params":{"name":"greet","arguments":{"name":"x"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"extra":{"name":"add"},"name":"greet","arguments":{"name":"x"},"_meta":{"progressToken":1,"name":"add"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"extra":{"method":"tools/list"},"method":"prompts/get","params":{"name":"greet","arguments":{"name":"x"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"prompts\/get","params":{"name":"greet","arguments":{"name":"x"}}}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"greet","arguments":{"name":"x"}}}]""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"uri":"note://readme"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"uri":"note:\/\/readm\u0065"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"ur\u0069":"note://readme"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"uri":"note://other","uri":"note://readme"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7e0,"method":"resources/read","params":{"uri":"note://readme"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"name":"x","uri":"note://readme","_meta":{"uri":"note://other"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"greet"},"argument":{"name":"name","value":"A"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"gr\u0065et"},"argument":{"name":"name","value":"A"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"greet","extra":1},"argument":{"name":"name","value":"A"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"completion/complete","params":{"ref":{"name":"greet","type":"ref/prompt","title":"Hi"},"argument":{"name":"name","value":"A","x":1}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"add","name":"greet"},"argument":{"name":"name","value":"A"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7.5,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"greet"},"argument":{"name":"name","value":"A"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"completion/complete","params":{"ref":{"type":"ref/resource","uri":"note://readme"},"argument":{"name":"name","value":"A"}}}""")]
    public async Task PromptResourceOrCompletion_ForbiddenOrUnclear_IsNeverAResult(string body)
    {
        var session = await McpSessionRaw.OpenAsync(fixture.Client);

        var (status, answer) = await session.RequestAsync(body);

        Assert.False(status == HttpStatusCode.OK && McpSessionRaw.IsResult(answer), $"answered with a result: {answer}");
    }

    [Theory]
    [InlineData("prompts/get", """{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"greet","arguments":{"name":"x"}}}""")]
    [InlineData("prompts/get", """{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"gr\u0065et","arguments":{"name":"x"},"extra":[1]}}""")]
    [InlineData("resources/read", """{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"uri":"note:\/\/readme"}}""")]
    [InlineData("completion/complete", """{"jsonrpc":"2.0","id":7,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"greet"},"argument":{"name":"name","value":"A"}}}""")]
    [InlineData("completion/complete", """{"jsonrpc":"2.0","id":7,"method":"completion/complete","params":{"ref":{"type":"ref/resource","uri":"note://readme"},"argument":{"name":"x","value":""}}}""")]
    public async Task PromptResourceOrCompletion_Forbidden_OnTheForwardedPath_IsTheGatewaysRefusal(string method, string body)
    {
        using var spans = new ForwardedSpans();
        var session = await McpSessionRaw.OpenAsync(fixture.Client);

        var (_, answer) = await session.RequestAsync(body);

        Assert.True(McpSessionRaw.IsForbidden(answer), $"not denied: {answer}");
        Assert.Equal(7, answer!.Value.GetProperty("id").GetInt32());
        Assert.True(ForwardedSpans.IsForwarded(Assert.Single(spans.OfMethod(method, session.SessionId))), "the refusal came from the SDK path, not the forwarding path");
    }

    /// <summary>One upstream and one gateway for all cases.</summary>
    public sealed class Gateway() : CedarMcpGateway(Policy);
}
