using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Mcp.TestServers;
using ModelContextProtocol;

namespace AgentGateway.Tests.Security;

/// <summary>Real JWTs and real Cedar policies deciding MCP tool visibility and LLM model access (DESIGN.md §6).</summary>
public class EndToEndAuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Policies(Uri jwks, string cedar) => $$"""
        policies:
          guarded:
            authentication:
              jwt: { issuer: "{{TestJwtIssuer.Issuer}}", audiences: [agentgateway], jwks: { url: "{{jwks}}" } }
            authorization:
              cedarText: |
        {{string.Join("\n", cedar.Split('\n').Select(l => "        " + l))}}
        """;

    [Fact]
    public async Task McpTools_AreFilteredByJwtGroupClaims_AndADeniedCallIsAJsonRpcError()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        await using var upstream = await TestMcpServer.StartAsync();
        var yaml = $$"""
            routes: [{ name: tools, path: /mcp, mcp: tools, policies: [guarded] }]
            mcp:
              tools:
                targets:
            {{McpTestClient.UrlTarget("http", upstream.Url)}}
            """ + Policies(idp.JwksUrl, """
            permit(principal in Group::"engineers", action == Action::"call_tool", resource);
            permit(principal, action == Action::"call_tool", resource) when { resource.name == "add" };
            forbid(principal, action == Action::"call_tool", resource) when { resource.name == "secret" } unless { principal in Group::"admins" };
            """);
        await using var gw = await TestGateway.StartAsync(yaml);
        string Token(params string[] groups) => idp.CreateToken("u-" + string.Join("-", groups), claims: new Dictionary<string, object> { ["groups"] = groups });

        await using var guest = await McpTestClient.ConnectAsync(gw, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token("guests") });
        await using var engineer = await McpTestClient.ConnectAsync(gw, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token("engineers") });
        await using var admin = await McpTestClient.ConnectAsync(gw, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token("engineers", "admins") });

        var guestTools = (await guest.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var engineerTools = (await engineer.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var adminTools = (await admin.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();

        Assert.Equal(["add"], guestTools);
        Assert.Contains("slow", engineerTools);
        Assert.DoesNotContain("secret", engineerTools); // the forbid beats the group permit
        Assert.Contains("secret", adminTools);
        var denied = await Assert.ThrowsAsync<McpProtocolException>(() => engineer.CallToolAsync("secret", cancellationToken: Ct).AsTask());
        Assert.Contains("secret", denied.Message, StringComparison.Ordinal);
        var allowed = await admin.CallToolAsync("secret", cancellationToken: Ct);
        Assert.NotEqual(true, allowed.IsError);
    }

    [Fact]
    public async Task LlmModels_AreAuthorizedPerModel_WithTheApisOwnErrorShape()
    {
        await using var idp = await TestJwtIssuer.StartAsync();
        var yaml = """
            routes: [{ name: models, path: /v1, llm: models, policies: [guarded] }]
            llm:
              models:
                providers: [{ name: local, type: mock, models: ["*"] }]
            """ + "\n" + Policies(idp.JwksUrl, """
            permit(principal, action == Action::"chat", resource == Model::"small");
            permit(principal in Group::"research", action == Action::"chat", resource);
            """);
        await using var gw = await TestGateway.StartAsync(yaml);
        var client = gw.CreateClient();
        async Task<HttpResponseMessage> Chat(string model, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
            {
                Content = JsonContent.Create(new { model, messages = new[] { new { role = "user", content = "hi" } } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await client.SendAsync(request, Ct);
        }

        var plain = idp.CreateToken("ann");
        var researcher = idp.CreateToken("rae", claims: new Dictionary<string, object> { ["groups"] = new[] { "research" } });

        Assert.Equal(HttpStatusCode.OK, (await Chat("small", plain)).StatusCode);
        var denied = await Chat("large", plain);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var error = (await denied.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error");
        Assert.Contains("large", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Chat("large", researcher)).StatusCode);
    }
}
