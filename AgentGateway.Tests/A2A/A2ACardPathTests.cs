using System.Net;
using System.Text.Json;
using AgentGateway.A2A;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.SecurityProbe;

namespace AgentGateway.Tests.A2A;

/// <summary>
/// The anonymous card exemption and the card handler agree on what a card request is (real agents: the Planner
/// sample and the @a2a-js/sdk agent), and anonymous callers cannot grow the card cache.
/// </summary>
[Collection(A2AAgentsGroup.Name)]
public class A2ACardPathTests(A2AAgentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TestGateway> StartGuardedGatewayAsync() => TestGateway.StartAsync($$"""
        routes:
          - { name: planner, path: /agents/planner, a2a: planner, policies: [keys] }
          - { name: js, path: /agents/js, a2a: js, policies: [keys] }
        a2a:
          planner: { url: "{{fixture.Planner.BaseAddress}}" }
          js: { url: "{{fixture.Js.BaseAddress}}" }
        policies: { keys: { authentication: { apiKeys: [{ name: bot, keyHash: "{{SecretHash.Sha256("k")}}" }] } } }
        """);

    [Theory]
    [InlineData("planner", "/.WELL-KNOWN/AGENT-CARD.JSON")]
    [InlineData("planner", "/.Well-Known/Agent-Card.json")]
    [InlineData("planner", "/.well-known//agent-card.json")]
    [InlineData("planner", "/.WELL-KNOWN/AGENT.JSON")]
    [InlineData("js", "/.WELL-KNOWN/AGENT-CARD.JSON")]
    [InlineData("js", "/.well-known/agent-card.json/")]
    public async Task CardPath_InAnySpelling_IsServedRewrittenToAnonymousCallers_NeverTheAgentsRawCard(string agent, string cardPath)
    {
        await using var gw = await StartGuardedGatewayAsync();

        var (status, response) = await HttpRawRequest.SendAsync(gw.BaseAddress, $"/agents/{agent}{cardPath}", Ct);
        using var rpc = await gw.CreateClient().PostAsync($"/agents/{agent}", new StringContent(
            """{"jsonrpc":"2.0","id":1,"method":"tasks/get","params":{"id":"t"}}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.True(status == 200, response);
        Assert.DoesNotContain(fixture.Planner.BaseAddress.Authority, response, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Js.BaseAddress.Authority, response, StringComparison.Ordinal);
        Assert.Contains($"{gw.BaseAddress.Authority}/agents/{agent}", response, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, rpc.StatusCode);
    }

    [Fact]
    public async Task CardCache_HoldsOnlyKnownVersions_WhateverAnonymousCallersSend()
    {
        await using var gw = await StartGuardedGatewayAsync();
        var client = gw.CreateClient();

        async Task<JsonElement> CardAsync(string? version)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/agents/planner/.well-known/agent-card.json");
            if (version is not null)
            {
                request.Headers.TryAddWithoutValidation("A2A-Version", version);
            }

            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        }

        for (var i = 0; i < 60; i++)
        {
            await CardAsync(i % 3 == 0 ? $"9.{i}" : i % 3 == 1 ? Guid.NewGuid().ToString() : $"1.0.{i}");
        }

        var v1 = await CardAsync("1.0");
        var v03 = await CardAsync("0.3.0");
        var none = await CardAsync(null);

        // Cached: "1.0" (all the 1.0.x asked for it), "0.3" and no header; the 40 unknown versions were fetched uncached.
        Assert.Equal(3, gw.Services.GetRequiredService<A2ACardService>().CachedCount);
        Assert.False(v1.TryGetProperty("url", out _));
        Assert.True(v03.TryGetProperty("url", out _));
        Assert.True(none.TryGetProperty("url", out _));
    }
}
