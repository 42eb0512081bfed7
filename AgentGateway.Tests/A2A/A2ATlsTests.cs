using System.Net;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Traffic;

namespace AgentGateway.Tests.A2A;

/// <summary>A2A agents take the http backends' <c>tls</c> block: an agent behind a private CA is reached only with it.</summary>
public class A2ATlsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A minimal A2A agent over HTTPS: its card, and message/send answering "secure".</summary>
    private static void MapAgent(WebApplication app) => app.Run(async ctx =>
    {
        if (ctx.Request.Path == "/.well-known/agent-card.json")
        {
            var self = $"https://{ctx.Request.Host}/";
            await ctx.Response.WriteAsJsonAsync(new
            {
                name = "secure-agent", description = "behind a private CA", url = self, version = "1.0.0", protocolVersion = "0.3.0",
                capabilities = new { streaming = false }, defaultInputModes = new[] { "text" }, defaultOutputModes = new[] { "text" }, skills = Array.Empty<object>(),
            });
            return;
        }

        using var request = await JsonDocument.ParseAsync(ctx.Request.Body);
        await ctx.Response.WriteAsJsonAsync(new
        {
            jsonrpc = "2.0",
            id = request.RootElement.GetProperty("id").GetString(),
            result = new { kind = "message", role = "agent", messageId = "m1", parts = new[] { new { kind = "text", text = "secure" } } },
        });
    });

    [Fact]
    public async Task AgentBehindAPrivateCa_IsReachedWithItsCaPath_AndRefusedWithout()
    {
        using var certs = TestCertificates.Create();
        var (app, address) = await HttpsTestServer.StartAsync(certs.IssueServer(), MapAgent);
        await using var _ = app;
        await using var gw = await TestGateway.StartAsync($$"""
            routes:
              - { name: secure, path: /agents/secure, a2a: secure }
              - { name: plain, path: /agents/plain, a2a: plain }
            a2a:
              secure: { url: "{{address}}", tls: { caPath: "{{certs.CaPath}}" } }
              plain: { url: "{{address}}" }
            """);
        var client = gw.CreateClient();

        var card = await client.GetAsync("/agents/secure/.well-known/agent-card.json", Ct);
        var sent = await A2AHttp.JsonRpcAsync(client, "/agents/secure", "message/send", A2AHttp.V03Message("hello"), id: "r1", ct: Ct);
        var refused = await client.GetAsync("/agents/plain/.well-known/agent-card.json", Ct);

        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        var url = JsonDocument.Parse(await card.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("url").GetString();
        Assert.StartsWith(new Uri(gw.BaseAddress, "/agents/secure").ToString(), url, StringComparison.Ordinal);
        Assert.Equal("secure", sent.GetProperty("result").GetProperty("parts")[0].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode); // the system roots do not know the CA
    }
}
