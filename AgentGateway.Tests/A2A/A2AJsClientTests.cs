using System.Text.Json;

namespace AgentGateway.Tests.A2A;

/// <summary>
/// The real @a2a-js/sdk client (v1.0 native, v0.3 through its compat layer) through the gateway, against the C#
/// Planner agent and the @a2a-js/sdk agent: card discovery, send, get, stream, resubscribe and cancel.
/// </summary>
[Collection(A2AAgentsGroup.Name)]
public class A2AJsClientTests(A2AAgentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("planner", "1.0", "JSONRPC")]
    [InlineData("planner", "1.0", "HTTP+JSON")]
    [InlineData("planner", "0.3", "JSONRPC")]
    [InlineData("js", "1.0", "JSONRPC")]
    [InlineData("js", "1.0", "HTTP+JSON")]
    [InlineData("js", "0.3", "JSONRPC")]
    [InlineData("js", "0.3", "HTTP+JSON")]
    public async Task JsSdkClient_ThroughGateway_DiscoversSendsStreamsGetsResubscribesAndCancels(string agent, string version, string binding)
    {
        var route = new Uri(fixture.Gateway.BaseAddress, $"/agents/{agent}").ToString();

        var result = await NodeClient.RunAsync(Ct, route, version, binding, agent == "planner" ? "planner" : "echo");

        // Discovery: every URL the client was given points at the gateway route, none at the agent.
        var cardUrls = result.GetProperty("cardUrls").EnumerateArray().Select(u => u.GetString()!).ToList();
        Assert.NotEmpty(cardUrls);
        Assert.All(cardUrls, url => Assert.StartsWith(route + "/", url + "/", StringComparison.Ordinal));
        Assert.StartsWith(route, result.GetProperty("interfaceUrl").GetString(), StringComparison.Ordinal);

        var send = result.GetProperty("send");
        Assert.Equal("COMPLETED", send.GetProperty("state").GetString());
        Assert.Equal(agent == "planner" ? "step 1: book flights\nstep 2: reserve hotel\nstep 3: rent a car" : "echo: hello gateway",
            send.GetProperty("artifact").GetString());
        Assert.Equal(send.GetProperty("taskId").GetString(), result.GetProperty("get").GetProperty("taskId").GetString());
        Assert.Equal("COMPLETED", result.GetProperty("get").GetProperty("state").GetString());

        var stream = result.GetProperty("stream").EnumerateArray().ToList();
        Assert.Equal("task", stream[0].GetProperty("kind").GetString());
        var texts = stream.Where(e => e.GetProperty("kind").GetString() == "status" && e.GetProperty("state").GetString() == "WORKING")
            .Select(e => e.GetProperty("text").GetString()).Where(t => !string.IsNullOrEmpty(t)).ToList();
        Assert.Equal(["event 1", "event 2", "event 3", "event 4", "event 5"], texts);
        Assert.Equal("COMPLETED", stream[^1].GetProperty("state").GetString());

        Assert.Equal("CANCELED", result.GetProperty("cancel").GetProperty("state").GetString());
        var resubscribed = result.GetProperty("resubscribe").EnumerateArray().ToList();
        Assert.NotEmpty(resubscribed);
        Assert.Equal("CANCELED", resubscribed[^1].GetProperty("state").GetString());
        Assert.All(resubscribed.Where(e => e.TryGetProperty("taskId", out _)),
            e => Assert.Equal(result.GetProperty("cancel").GetProperty("taskId").GetString(), e.GetProperty("taskId").GetString()));
    }
}
