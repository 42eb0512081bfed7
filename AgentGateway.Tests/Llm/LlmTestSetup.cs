using System.ClientModel;
using System.ClientModel.Primitives;
using AgentGateway.Tests.Infrastructure;
using Anthropic;
using OpenAI;
using OpenAI.Chat;

namespace AgentGateway.Tests.Llm;

/// <summary>Gateway YAML and SDK clients shared by the LLM tests (route <c>/v1</c> → llm backend <c>models</c>).</summary>
internal static class LlmTestSetup
{
    public const string ClientKey = "client-secret-key";

    /// <summary>
    /// A gateway config routing <c>/v1</c> to llm backend <c>models</c>; <paramref name="backendLines"/> are the
    /// backend's keys (providers, aliases, ...) at column 0, indented here.
    /// </summary>
    public static string Yaml(string backendLines) =>
        "routes:\n  - { name: models, path: /v1, llm: models }\nllm:\n  models:\n"
        + string.Join("\n", backendLines.Split('\n').Select(l => "    " + l.TrimEnd('\r'))) + "\n";

    /// <summary>A provider as a YAML flow mapping pointing at a mock server.</summary>
    public static string Provider(string name, string type, Uri mock, string models, string extra = "") =>
        $"  - {{ name: {name}, type: {type}, baseUrl: \"{BaseUrlFor(type, mock)}\", apiKey: upstream-key-{name}, models: {models}{(extra.Length > 0 ? ", " + extra : "")} }}";

    public static string BaseUrlFor(string type, Uri mock) => type switch
    {
        "anthropic" or "ollama" or "azure-openai" => mock.ToString().TrimEnd('/'),
        _ => new Uri(mock, "v1").ToString(),
    };

    public static ChatClient OpenAiChat(TestGateway gw, string model) =>
        new(model, new ApiKeyCredential(ClientKey), OpenAiOptions(gw));

    public static OpenAIClientOptions OpenAiOptions(TestGateway gw) => new()
    {
        Endpoint = new Uri(gw.BaseAddress, "/v1"),
        RetryPolicy = new ClientRetryPolicy(0),
    };

    public static AnthropicClient AnthropicSdk(TestGateway gw) => new()
    {
        ApiKey = ClientKey,
        BaseUrl = gw.BaseAddress.ToString().TrimEnd('/'),
        MaxRetries = 0,
    };
}
