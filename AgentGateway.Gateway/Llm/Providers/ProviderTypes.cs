using AgentGateway.Llm.Wire;

namespace AgentGateway.Llm.Providers;

/// <summary>Provider type names, native APIs and defaults.</summary>
internal static class ProviderTypes
{
    public static readonly IReadOnlyList<string> Names = ["openai", "azure-openai", "anthropic", "ollama", "gemini", "gemini-native", "vertex", "bedrock", "openai-compatible", "mock"];

    public static ProviderType? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "openai" => ProviderType.OpenAi,
        "azure-openai" or "azure" => ProviderType.AzureOpenAi,
        "anthropic" => ProviderType.Anthropic,
        "ollama" => ProviderType.Ollama,
        "gemini" => ProviderType.Gemini,
        "gemini-native" => ProviderType.GeminiNative,
        "vertex" or "vertex-ai" => ProviderType.Vertex,
        "bedrock" or "aws-bedrock" => ProviderType.Bedrock,
        "openai-compatible" => ProviderType.OpenAiCompatible,
        "mock" => ProviderType.Mock,
        _ => null,
    };

    /// <summary>The API the provider speaks natively (bytes can pass through from a client of the same API).</summary>
    public static LlmApi NativeApi(this ProviderType type) => type switch
    {
        ProviderType.Anthropic => LlmApi.Anthropic,
        // Bedrock and Google's native APIs are their own wire formats: every client is translated.
        ProviderType.Mock or ProviderType.Bedrock or ProviderType.GeminiNative or ProviderType.Vertex => LlmApi.None,
        _ => LlmApi.OpenAi,
    };

    public static string? DefaultBaseUrl(this ProviderType type) => type switch
    {
        ProviderType.OpenAi => "https://api.openai.com/v1",
        ProviderType.Anthropic => "https://api.anthropic.com",
        ProviderType.Gemini => "https://generativelanguage.googleapis.com/v1beta/openai",
        ProviderType.Ollama => "http://localhost:11434",
        ProviderType.GeminiNative => "https://generativelanguage.googleapis.com",
        _ => null,
    };

    /// <summary>The default API root, for types whose host depends on the region (Bedrock, Vertex).</summary>
    public static string? DefaultBaseUrl(this ProviderType type, LlmProviderConfig config) => type switch
    {
        ProviderType.Bedrock when Bedrock.BedrockRegion.Of(config) is { } region => $"https://bedrock-runtime.{region}.amazonaws.com",
        ProviderType.Vertex => (config.Google?.Location ?? "global") is var l && l == "global" ? "https://aiplatform.googleapis.com" : $"https://{l}-aiplatform.googleapis.com",
        _ => type.DefaultBaseUrl(),
    };

    /// <summary>Name for the <c>gen_ai.provider.name</c> attribute (semantic-convention values).</summary>
    public static string SemConvName(this ProviderType type) => type switch
    {
        ProviderType.OpenAi or ProviderType.OpenAiCompatible => "openai",
        ProviderType.AzureOpenAi => "azure.ai.openai",
        ProviderType.Anthropic => "anthropic",
        ProviderType.Gemini or ProviderType.GeminiNative => "gcp.gemini",
        ProviderType.Vertex => "gcp.vertex_ai",
        ProviderType.Bedrock => "aws.bedrock",
        ProviderType.Ollama => "ollama",
        _ => "mock",
    };
}
