using System.Net;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// The shared upstream client carries configured secrets (here an A2A backend's header); an upstream that redirects
/// elsewhere must not make the gateway replay them there: the 3xx goes back to the caller.
/// </summary>
public class A2AUpstreamRedirectProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpstreamRedirect_IsReturnedToTheCaller_AndTheConfiguredSecretNeverReachesTheRedirectTarget()
    {
        await using var elsewhere = await EchoServer.StartAsync("elsewhere");
        await using var agent = await EchoServer.StartAsync("agent", ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            ctx.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "/collect" + ctx.Request.Path).ToString();
            return Task.FromResult(true);
        });
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: agent, path: /agents/a, a2a: a }]
            a2a: { a: { url: "{{agent.BaseAddress}}", headers: { x-agent-key: agent-s3cret } } }
            """);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = gw.BaseAddress };

        using var rest = await client.GetAsync("/agents/a/v1/tasks/t-1", Ct);
        using var jsonRpc = await client.PostAsync("/agents/a", new StringContent(
            """{"jsonrpc":"2.0","id":1,"method":"tasks/get","params":{"id":"t-1"}}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, rest.StatusCode);
        Assert.StartsWith(elsewhere.BaseAddress.ToString(), rest.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("elsewhere", await jsonRpc.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(2, agent.RequestCount);
        Assert.Equal(0, elsewhere.RequestCount);
    }
}
