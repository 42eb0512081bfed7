using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using AgentGateway.Tests.Samples;
using AgentGateway.Samples.ConformanceMcp;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// <c>completion/complete</c> is authorized against what it completes: <c>get_prompt</c> on the referenced prompt,
/// <c>read_resource</c> on the referenced resource template. Denied → a JSON-RPC error, the upstream never asked.
/// </summary>
public sealed class CedarCompletionTests
{
    private const string Policy = """
        permit(principal, action, resource);
        forbid(principal, action == Action::"get_prompt", resource == Prompt::"test_simple_prompt");
        forbid(principal, action == Action::"read_resource", resource) when { resource.uri like "test://template/*" };
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Complete_OnAForbiddenPromptOrResourceTemplate_IsAJsonRpcError_OnAnAllowedOneIsForwarded()
    {
        await using var upstream = await SampleServer.StartAsync(args => ConformanceServer.Build(args));
        await using var gw = await TestGateway.StartAsync(CedarProbeConfig.McpRoute(upstream.McpEndpoint.ToString(), Policy));
        await using var client = await McpTestClient.ConnectAsync(gw);

        var allowed = await client.CompleteAsync(new PromptReference { Name = "test_prompt_with_arguments" }, "arg1", "pa", cancellationToken: Ct);
        var prompt = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CompleteAsync(new PromptReference { Name = "test_simple_prompt" }, "arg1", "pa", cancellationToken: Ct).AsTask());
        var template = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CompleteAsync(new ResourceTemplateReference { Uri = "test://template/{id}/data" }, "id", "te", cancellationToken: Ct).AsTask());

        Assert.Contains("paris", allowed.Completion.Values);
        Assert.Contains("Forbidden", prompt.Message, StringComparison.Ordinal);
        Assert.Contains("test_simple_prompt", prompt.Message, StringComparison.Ordinal);
        Assert.Contains("Forbidden", template.Message, StringComparison.Ordinal);
    }
}
