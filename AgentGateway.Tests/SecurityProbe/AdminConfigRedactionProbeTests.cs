using System.Net;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// Issue 22 item 7, probed from outside: GET /config on the admin port shows none of the secrets a config
/// holds in header maps, stdio env and args, URLs (userinfo, query) or secret-named keys.
/// </summary>
public class AdminConfigRedactionProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Every secret is unique and easy to grep for.
    private static readonly string[] Secrets =
    [
        "S1-mcp-header", "S2-openapi-header", "S3-a2a-header", "S4-route-header", "S5-rule-add", "S6-rule-set",
        "S7-env", "S8-arg-flag", "S9-arg-equals", "S10-arg-header", "S11-url-pass", "S12-url-query", "S13-dest-pass",
        "S14-llm-key", "S15-llm-url-query", "S16-a2a-pass", "S17-jwks-query", "S18-env-name-arg",
    ];

    [Fact]
    public async Task AdminConfig_HidesHeaderEnvArgAndUrlSecrets_KeepsTheirNames()
    {
        var adminPort = FreePort.Next();
        await using var gw = await TestGateway.StartAsync($$"""
            admin: { url: "http://127.0.0.1:{{adminPort}}" }
            routes:
              - { name: web, path: /web, http: e, headers: { x-route-secret: S4-route-header }, policies: [p] }
              - { name: tools, path: /mcp, mcp: m }
              - { name: agent, path: /agent, a2a: a }
              - { name: chat, path: /v1, llm: l }
            http: { e: { destinations: ["http://svc:S13-dest-pass@127.0.0.1:9"] } }
            mcp:
              m:
                targets:
                  - name: remote
                    url: "https://mcp-user:S11-url-pass@mcp.invalid/mcp?api_key=S12-url-query"
                    headers: { Authorization: "Bearer S1-mcp-header", X-Tenant: blue }
                  - name: api
                    openApi: { spec: "https://api.invalid/openapi.json", baseUrl: "https://api.invalid", headers: { X-Api-Key: S2-openapi-header } }
                  - name: local
                    stdio:
                      command: /no/such/server
                      args: ["--token", "S8-arg-flag", "--api-key=S9-arg-equals", "-H", "Authorization: Bearer S10-arg-header", "GITHUB_TOKEN=S18-env-name-arg", "--port", "8080"]
                      env: { GITHUB_TOKEN: S7-env, LOG_LEVEL: debug }
            a2a: { a: { url: "https://agent:S16-a2a-pass@agent.invalid/", headers: { X-Agent-Key: S3-a2a-header } } }
            llm:
              l:
                providers:
                  - { name: o, type: openai-compatible, baseUrl: "https://llm.invalid/v1?code=S15-llm-url-query", apiKey: S14-llm-key, models: [x] }
            policies:
              p:
                authentication:
                  jwt: { issuer: "https://idp.invalid", jwks: { url: "https://idp.invalid/jwks?key=S17-jwks-query" } }
                headers:
                  request: { add: { X-Upstream-Key: S5-rule-add }, set: { Authorization: "Basic S6-rule-set" }, remove: [Cookie] }
            """);
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };

        using var response = await admin.GetAsync("/config", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        // What is not secret stays readable: names, hosts, flags, plain arguments.
        foreach (var visible in new[] { "X-Tenant", "GITHUB_TOKEN", "LOG_LEVEL", "X-Upstream-Key", "\"Cookie\"", "--token", "--port", "\"8080\"",
                     "mcp.invalid/mcp?api_key=***", "https://***@mcp.invalid", "x-route-secret", "/no/such/server" })
        {
            Assert.Contains(visible, text, StringComparison.Ordinal);
        }
    }
}
