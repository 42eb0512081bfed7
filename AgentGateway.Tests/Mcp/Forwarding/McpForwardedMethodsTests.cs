using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Mcp.Forwarding;

/// <summary>
/// prompts/get, resources/read and completion/complete take the forwarding path as tools/call does, and answer what
/// a direct request (or, under a prefix, the SDK path) answers; what they cannot resolve gets the SDK path's error.
/// </summary>
public sealed class McpForwardedMethodsTests
{
    private static readonly McpClientOptions Older = new() { ProtocolVersion = "2025-03-26" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPrompt_SharedSessionOnStreamableHttpTarget_IsForwardedAndMatchesADirectGet()
    {
        using var spans = new ForwardedSpans();
        await using var rig = await DirectAndGateway.StartAsync();
        var (client, direct) = (rig.Client, rig.Direct);
        var arguments = new Dictionary<string, object?> { ["name"] = "Ada" };

        var viaGateway = await client.GetPromptAsync("greet", arguments, cancellationToken: Ct);
        var viaDirect = await direct.GetPromptAsync("greet", arguments, cancellationToken: Ct);

        Assert.Equal(Serialize(viaDirect), Serialize(viaGateway));
        Assert.Contains("Say hello to Ada", Serialize(viaGateway), StringComparison.Ordinal);
        var span = Assert.Single(spans.OfMethod("prompts/get", client.SessionId!));
        Assert.True(ForwardedSpans.IsForwarded(span), "the request took the SDK path");
        Assert.Equal("http", span.GetTagItem("agentgateway.mcp.target"));
        Assert.Equal(direct.NegotiatedProtocolVersion, span.GetTagItem("agentgateway.mcp.target.protocol_version"));
    }

    [Fact]
    public async Task ReadResource_SharedSessionOnStreamableHttpTarget_IsForwardedAndMatchesADirectRead()
    {
        using var spans = new ForwardedSpans();
        await using var rig = await DirectAndGateway.StartAsync();
        var (client, direct) = (rig.Client, rig.Direct);

        var viaGateway = await client.ReadResourceAsync("note://readme", cancellationToken: Ct);
        var viaDirect = await direct.ReadResourceAsync("note://readme", cancellationToken: Ct);

        Assert.Equal(Serialize(viaDirect), Serialize(viaGateway));
        Assert.Contains("read me first", Serialize(viaGateway), StringComparison.Ordinal);
        var span = Assert.Single(spans.OfMethod("resources/read", client.SessionId!));
        Assert.True(ForwardedSpans.IsForwarded(span), "the request took the SDK path");
        Assert.Equal("http", span.GetTagItem("agentgateway.mcp.target"));
    }

    [Fact]
    public async Task Complete_PromptArgument_IsForwardedAndMatchesADirectCompletion()
    {
        using var spans = new ForwardedSpans();
        await using var rig = await DirectAndGateway.StartAsync();
        var (client, direct) = (rig.Client, rig.Direct);

        var viaGateway = await client.CompleteAsync(new PromptReference { Name = "greet" }, "name", "a", cancellationToken: Ct);
        var viaDirect = await direct.CompleteAsync(new PromptReference { Name = "greet" }, "name", "a", cancellationToken: Ct);

        Assert.Equal(Serialize(viaDirect), Serialize(viaGateway));
        Assert.Equal(["Ada", "Alan"], viaGateway.Completion.Values);
        var span = Assert.Single(spans.OfMethod("completion/complete", client.SessionId!));
        Assert.True(ForwardedSpans.IsForwarded(span), "the request took the SDK path");
        Assert.Null(span.GetTagItem("agentgateway.mcp.target")); // the SDK path's completion span has no target tag either
    }

    [Fact]
    public async Task PrefixedBackend_ForwardedPromptReadAndCompletion_EqualTheSdkPathsAnswers()
    {
        using var spans = new ForwardedSpans();
        await using var http = await TestMcpServer.StartAsync();
        await using var other = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(
            McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url) + McpTestClient.UrlTarget("other", other.Url)));
        await using var forwarding = await McpTestClient.ConnectAsync(gw);
        await using var sdk = await McpTestClient.ConnectAsync(gw, options: Older);
        var arguments = new Dictionary<string, object?> { ["name"] = "Ada" };

        var readForwarded = await forwarding.ReadResourceAsync("http+note://readme", cancellationToken: Ct);
        var readSdk = await sdk.ReadResourceAsync("http+note://readme", cancellationToken: Ct);
        var promptForwarded = await forwarding.GetPromptAsync("other_greet", arguments, cancellationToken: Ct);
        var promptSdk = await sdk.GetPromptAsync("other_greet", arguments, cancellationToken: Ct);
        var completeForwarded = await forwarding.CompleteAsync(new PromptReference { Name = "http_greet" }, "name", "g", cancellationToken: Ct);
        var completeSdk = await sdk.CompleteAsync(new PromptReference { Name = "http_greet" }, "name", "g", cancellationToken: Ct);

        // Federation exposes the read resource's URI under the target's prefix, on either path.
        Assert.Equal("http+note://readme", Assert.Single(readForwarded.Contents).Uri);
        Assert.Equal(Serialize(readSdk), Serialize(readForwarded));
        Assert.Equal(Serialize(promptSdk), Serialize(promptForwarded));
        Assert.Equal(Serialize(completeSdk), Serialize(completeForwarded));
        Assert.Equal(["Grace"], completeForwarded.Completion.Values);
        foreach (var method in new[] { "resources/read", "prompts/get", "completion/complete" })
        {
            Assert.True(ForwardedSpans.IsForwarded(Assert.Single(spans.OfMethod(method, forwarding.SessionId!))), $"{method} took the SDK path");
            Assert.False(ForwardedSpans.IsForwarded(Assert.Single(spans.OfMethod(method, sdk.SessionId!))));
        }
    }

    [Theory]
    [InlineData("prompt")]
    [InlineData("resource")]
    [InlineData("completion")]
    public async Task UnknownPromptOrResource_SameErrorAsTheSdkPath(string kind)
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var other = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(
            McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url) + McpTestClient.UrlTarget("other", other.Url)));
        await using var forwarding = await McpTestClient.ConnectAsync(gw);
        await using var sdk = await McpTestClient.ConnectAsync(gw, options: Older);

        var viaForwarding = await Assert.ThrowsAsync<McpProtocolException>(() => Ask(forwarding, kind));
        var viaSdk = await Assert.ThrowsAsync<McpProtocolException>(() => Ask(sdk, kind));

        Assert.Equal(viaSdk.ErrorCode, viaForwarding.ErrorCode);
        Assert.Equal(viaSdk.Message, viaForwarding.Message);
        Assert.Contains("nope", viaForwarding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadResource_UnknownUriOnTheOneTarget_TheTargetsErrorAsTheSdkPathPassesItOn()
    {
        using var spans = new ForwardedSpans();
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(McpTestClient.GatewayYaml(McpTestClient.UrlTarget("http", http.Url)));
        await using var forwarding = await McpTestClient.ConnectAsync(gw);
        await using var sdk = await McpTestClient.ConnectAsync(gw, options: Older);

        var viaForwarding = await Assert.ThrowsAsync<McpProtocolException>(() => forwarding.ReadResourceAsync("note://nope", cancellationToken: Ct).AsTask());
        var viaSdk = await Assert.ThrowsAsync<McpProtocolException>(() => sdk.ReadResourceAsync("note://nope", cancellationToken: Ct).AsTask());

        Assert.Equal(viaSdk.ErrorCode, viaForwarding.ErrorCode);
        Assert.Equal(viaSdk.Message, viaForwarding.Message);
        Assert.True(ForwardedSpans.IsForwarded(Assert.Single(spans.OfMethod("resources/read", forwarding.SessionId!))));
    }

    /// <summary>
    /// The test server matches resource URIs without regard to case; Cedar compares strings exactly. A read is decided on
    /// the URI as sent and on its RFC 3986 normal form, so a <c>resource.uri ==</c> forbid holds against case and
    /// percent-encoding variants of the URI's scheme and host, on both paths alike.
    /// </summary>
    [Theory]
    [InlineData("note://readme")]
    [InlineData("NOTE://readme")]
    [InlineData("note://README")]
    [InlineData("Note://ReadMe")]
    [InlineData("note://read%6De")]
    [InlineData("n%6Fte://readme")]
    public async Task ReadResource_VariantOfAForbiddenUri_IsForbiddenOnBothPaths(string uri)
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(SecurityProbe.CedarProbeConfig.McpRoute(http.Url, """
            permit(principal, action, resource);
            forbid(principal, action == Action::"read_resource", resource) when { resource.uri == "note://readme" };
            """));
        await using var forwarding = await McpTestClient.ConnectAsync(gw);
        await using var sdk = await McpTestClient.ConnectAsync(gw, options: Older);

        var viaForwarding = await OutcomeAsync(() => forwarding.ReadResourceAsync(uri, cancellationToken: Ct).AsTask());
        var viaSdk = await OutcomeAsync(() => sdk.ReadResourceAsync(uri, cancellationToken: Ct).AsTask());

        Assert.Equal(viaSdk, viaForwarding);
        Assert.Contains("Forbidden", viaForwarding, StringComparison.Ordinal);
    }

    /// <summary>
    /// The other half of deciding on both forms: a policy that permits only the normal form does not let a variant
    /// through (a server that tells the spellings apart could serve something else under it); the normal form is served.
    /// </summary>
    [Theory]
    [InlineData("note://readme", true)]
    [InlineData("NOTE://readme", false)]
    [InlineData("note://read%6De", false)]
    public async Task ReadResource_PermittedOnlyInNormalForm_VariantsAreForbidden(string uri, bool served)
    {
        await using var http = await TestMcpServer.StartAsync();
        await using var gw = await TestGateway.StartAsync(SecurityProbe.CedarProbeConfig.McpRoute(http.Url, """
            permit(principal, action, resource) when { action != Action::"read_resource" };
            permit(principal, action == Action::"read_resource", resource) when { resource.uri == "note://readme" };
            """));
        await using var forwarding = await McpTestClient.ConnectAsync(gw);
        await using var sdk = await McpTestClient.ConnectAsync(gw, options: Older);

        var viaForwarding = await OutcomeAsync(() => forwarding.ReadResourceAsync(uri, cancellationToken: Ct).AsTask());
        var viaSdk = await OutcomeAsync(() => sdk.ReadResourceAsync(uri, cancellationToken: Ct).AsTask());

        Assert.Equal(viaSdk, viaForwarding);
        Assert.Equal(served, viaForwarding.Contains("read me first", StringComparison.Ordinal));
        Assert.Equal(!served, viaForwarding.Contains("Forbidden", StringComparison.Ordinal));
    }

    private static async Task<string> OutcomeAsync(Func<Task<ReadResourceResult>> read)
    {
        try
        {
            return Serialize(await read());
        }
        catch (McpProtocolException ex)
        {
            return $"{ex.ErrorCode}: {ex.Message}";
        }
    }

    private static Task Ask(McpClient client, string kind) => kind switch
    {
        "prompt" => client.GetPromptAsync("http_nope", cancellationToken: Ct).AsTask(),
        "resource" => client.ReadResourceAsync("nope+note://readme", cancellationToken: Ct).AsTask(), // no target "nope"
        _ => client.CompleteAsync(new PromptReference { Name = "nope_greet" }, "name", "a", cancellationToken: Ct).AsTask(), // no target "nope"
    };

    private static string Serialize<T>(T result) => JsonSerializer.Serialize(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T)));
}
