using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using CsCheck;
using MockLlm;
using static AgentGateway.Tests.Llm.LlmTestSetup;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// Property: whatever JSON (or not-JSON) a client POSTs to an LLM endpoint, the gateway answers a success or a 4xx in
/// that API's own error shape — never a 500, never a crash. Bodies are generated from the APIs' own field names and
/// value shapes (so they get deep into the readers, guards and token counting), with arbitrary values, duplicated
/// keys, unpaired surrogate escapes, huge numbers and deep nesting mixed in. The route has request guards and a
/// token limit so those run too; one route translates (in-process mock), one passes through (mock server).
/// </summary>
public class LlmBodyPropertyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A path and a body: the body mostly in that endpoint's own shape, sometimes another's, sometimes junk.</summary>
    private static readonly Gen<(string Path, string Body)> Requests =
        Gen.Select(Gen.OneOf("/v1/", "/pt/"), Gen.OneOf("chat/completions", "messages", "messages/count_tokens", "responses", "embeddings")).SelectMany(t =>
        {
            var own = t.Item2 switch
            {
                "chat/completions" => LlmBodyGen.ChatCompletions,
                "messages" or "messages/count_tokens" => LlmBodyGen.Messages,
                "responses" => LlmBodyGen.Responses,
                _ => LlmBodyGen.Embeddings,
            };
            return Gen.Frequency((8, own), (1, Gen.OneOf(LlmBodyGen.ChatCompletions, LlmBodyGen.Messages, LlmBodyGen.Responses)), (1, LlmBodyGen.Junk))
                .Select(body => (t.Item1 + t.Item2, body));
        });

    [Fact]
    public async Task ArbitraryBodies_ToEveryLlmEndpoint_NeverYieldA500()
    {
        await using var mock = await MockLlmServer.StartAsync(cancellationToken: Ct);
        var guards = "\n    guards:\n      request: [{ builtin: ssn, action: mask }, { builtin: email, action: reject }]";
        await using var gw = await TestGateway.StartAsync(
            "routes:\n"
            + "  - { name: translated, path: /v1, llm: local, policies: [tokens] }\n"
            + "  - { name: passthrough, path: /pt, llm: remote, policies: [tokens] }\n"
            + "llm:\n"
            + "  local:\n    providers:\n      - { name: m, type: mock, models: [mock-gpt, claude-x, mock-embed] }" + guards + "\n"
            + "  remote:\n    providers:\n"
            + "    " + Provider("oa", "openai-compatible", mock.BaseUrl, "[mock-gpt, mock-embed]") + "\n"
            + "    " + Provider("an", "anthropic", mock.BaseUrl, "[claude-x]") + guards + "\n"
            + "policies: { tokens: { rateLimit: { tokens: 1000000000, per: 1h, key: route } } }\n");
        using var client = gw.CreateClient();

        await Requests.SampleAsync(
            async (path, body) =>
            {
                using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(path, content, Ct);
                var text = await response.Content.ReadAsStringAsync(Ct);
                var status = (int)response.StatusCode;

                // 502 only where a real upstream (the mock server) refused what passthrough forwarded.
                Assert.True(status < 500 || (status == 502 && path.StartsWith("/pt/", StringComparison.Ordinal)), $"{status} for {path}: {body}\n{text}");
                if (status >= 400)
                {
                    Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                    var root = JsonDocument.Parse(text).RootElement;
                    Assert.True(root.TryGetProperty("error", out _), $"{status} without the API's error shape: {text}");
                    if (path.Contains("/messages", StringComparison.Ordinal))
                    {
                        Assert.Equal("error", root.GetProperty("type").GetString());
                    }
                }
            },
            iter: 400,
            threads: 2);

        using var health = await client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
