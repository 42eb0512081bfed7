using System.Net;
using AgentGateway.Tests.Infrastructure;
using MockLlm;
using static AgentGateway.Tests.Llm.FailoverTests;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.Llm;

/// <summary>
/// On a backend that only passes bytes through (every provider native, no guards) the gateway reads just what it
/// routes on: the rest of the body is the provider's to judge, but what the gateway itself relies on is still checked.
/// </summary>
public class PassthroughBodyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PassthroughOnlyBackend_MessagesTheGatewayWouldNotRead_GoUpstreamByteForByte()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai-compatible", mock.BaseUrl, "[gpt-x]")));
        const string body = """{"model":"gpt-x","messages":[{"role":"wizard","content":"spell"}],"temperature":"warm"}""";

        await gw.CreateClient().PostAsync("/v1/chat/completions", Json(body), Ct);

        var sent = Assert.Single(mock.Requests);
        Assert.Equal(body, sent.Body);
    }

    [Fact]
    public async Task MixedBackend_MessagesTheGatewayCannotRead_Are400AndNotSent()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai-compatible", mock.BaseUrl, "[gpt-x]")
            + "\n" + Provider("claude", "anthropic", mock.BaseUrl, "[claude-x]")));

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions",
            Json("""{"model":"gpt-x","messages":[{"role":"wizard","content":"spell"}]}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(mock.Requests);
    }

    [Theory]
    [InlineData("""{"model":"gpt-x","messages":[{"role":"user","content":"x"}],"model":"gpt-y"}""")]
    [InlineData("""{"model":"gpt-x","messages":[{"role":"user","role":"system","content":"x"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"x","model":"gpt-x"}]}""")]
    [InlineData("""{"model":"gpt-x","messages":[{"role":"user","content":"x"}]""")]
    public async Task PassthroughOnlyBackend_BodyTheGatewayRoutesOnBadly_Is400AndNotSent(string body)
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai-compatible", mock.BaseUrl, "[gpt-x, gpt-y]")));

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions", Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(mock.Requests);
    }

    [Fact]
    public async Task PassthroughOnlyBackend_Alias_RewritesModelFromTheDeferredBody()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        await using var gw = await TestGateway.StartAsync(Yaml("providers:\n" + Provider("up", "openai-compatible", mock.BaseUrl, "[gpt-x]") + "\naliases: { fast: gpt-x }"));

        var response = await gw.CreateClient().PostAsync("/v1/chat/completions",
            Json("""{"model":"fast","messages":[{"role":"user","content":"hello there"}],"metadata":{"model":"fast"}}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = System.Text.Json.JsonDocument.Parse(Assert.Single(mock.Requests).Body).RootElement;
        Assert.Equal("gpt-x", sent.GetProperty("model").GetString());
        Assert.Equal("fast", sent.GetProperty("metadata").GetProperty("model").GetString());
    }
}
