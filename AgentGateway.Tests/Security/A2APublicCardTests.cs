using System.Net;
using System.Text.Json;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Security;

public class A2APublicCardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AgentCard_IsPublicOnAnAuthenticatedA2ARoute_ButCallsNeedCredentials()
    {
        await using var agent = await EchoServer.StartAsync("agent", async ctx =>
        {
            if (ctx.Request.Path.StartsWithSegments("/.well-known"))
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("""{"name":"echo","url":"http://agent/","version":"1.0","protocolVersion":"0.3.0","capabilities":{},"skills":[],"defaultInputModes":["text"],"defaultOutputModes":["text"]}""");
                return true;
            }

            return false;
        });
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: agent, path: /agents/echo, a2a: echo, policies: [keys] }]
            a2a: { echo: { url: "{{agent.BaseAddress}}" } }
            policies: { keys: { authentication: { apiKeys: [{ name: bot, keyHash: "{{SecretHash.Sha256("k")}}" }] } } }
            """);
        var client = gw.CreateClient();

        var card = await client.GetAsync("/agents/echo/.well-known/agent-card.json", Ct);
        var call = await client.PostAsync("/agents/echo", new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tasks/get","params":{"id":"t"}}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        var body = JsonDocument.Parse(await card.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.StartsWith(gw.BaseAddress.ToString().TrimEnd('/') + "/agents/echo", body.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, call.StatusCode);
    }
}
