using System.ClientModel;
using System.Net.Http.Headers;
using System.Text;
using AgentGateway.Security;
using AgentGateway.Tests.Infrastructure;
using OpenAI;
using OpenAI.Chat;

namespace AgentGateway.Tests.Llm.Cache;

/// <summary>Gateway YAML and helpers of the response-cache tests: route <c>/v1</c> with policy <c>cached</c>.</summary>
internal static class CacheTestSetup
{
    public const string KeyA = "cache-key-a";
    public const string KeyB = "cache-key-b";

    /// <summary>
    /// An llm route (<paramref name="type"/> provider at the mock) whose policy caches with <paramref name="cache"/>,
    /// authenticated by two API keys unless <paramref name="anonymous"/>; <paramref name="policyExtra"/> adds keys to the policy.
    /// </summary>
    public static string Yaml(Uri mock, string type = "openai-compatible", string cache = "{ ttl: 10m }", bool anonymous = false, string policyExtra = "", string route = "models") =>
        $"routes: [{{ name: {route}, path: /v1, llm: models, policies: [cached] }}]\n"
        + "llm:\n  models:\n    providers:\n  "
        + LlmTestSetup.Provider("up", type, mock, "[mock-*, claude-*]") + "\n"
        + "policies:\n  cached:\n"
        + $"    llmCache: {cache}\n"
        + (anonymous ? "" : $"    authentication: {{ apiKeys: [{{ name: a, keyHash: \"{SecretHash.Sha256(KeyA)}\" }}, {{ name: b, keyHash: \"{SecretHash.Sha256(KeyB)}\" }}] }}\n")
        + policyExtra;

    public static ChatClient Chat(TestGateway gw, string key = KeyA, string model = "mock-gpt") =>
        new(model, new ApiKeyCredential(key), LlmTestSetup.OpenAiOptions(gw));

    public static string? CacheHeader(ClientResult result) =>
        result.GetRawResponse().Headers.TryGetValue("x-agentgateway-cache", out var value) ? value : null;

    /// <summary>Posts raw JSON to a gateway path; returns status, the cache header and the body.</summary>
    public static async Task<(int Status, string? Cache, string Body)> PostAsync(TestGateway gw, string path, string json, string? key = KeyA, params (string Name, string Value)[] headers)
    {
        using var client = gw.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var cache = response.Headers.TryGetValues("x-agentgateway-cache", out var values) ? values.Single() : null;
        return ((int)response.StatusCode, cache, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>A clock the test moves by hand (cache TTLs without waiting).</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
