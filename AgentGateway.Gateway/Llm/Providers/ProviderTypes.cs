using AgentGateway.Llm.Wire;

namespace AgentGateway.Llm.Providers;

/// <summary>Provider type names, native APIs and defaults.</summary>
internal static class ProviderTypes
{
    public static readonly IReadOnlyList<string> Names = ["openai", "azure-openai", "anthropic", "ollama", "gemini", "openai-compatible", "mock"];

    public static ProviderType? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "openai" => ProviderType.OpenAi,
        "azure-openai" or "azure" => ProviderType.AzureOpenAi,
        "anthropic" => ProviderType.Anthropic,
        "ollama" => ProviderType.Ollama,
        "gemini" => ProviderType.Gemini,
        "openai-compatible" => ProviderType.OpenAiCompatible,
        "mock" => ProviderType.Mock,
        _ => null,
    };

    /// <summary>The API the provider speaks natively (bytes can pass through from a client of the same API).</summary>
    public static LlmApi NativeApi(this ProviderType type) => type switch
    {
        ProviderType.Anthropic => LlmApi.Anthropic,
        ProviderType.Mock => LlmApi.None,
        _ => LlmApi.OpenAi,
    };

    public static string? DefaultBaseUrl(this ProviderType type) => type switch
    {
        ProviderType.OpenAi => "https://api.openai.com/v1",
        ProviderType.Anthropic => "https://api.anthropic.com",
        ProviderType.Gemini => "https://generativelanguage.googleapis.com/v1beta/openai",
        ProviderType.Ollama => "http://localhost:11434",
        _ => null,
    };

    /// <summary>Name for the <c>gen_ai.provider.name</c> attribute (semantic-convention values).</summary>
    public static string SemConvName(this ProviderType type) => type switch
    {
        ProviderType.OpenAi or ProviderType.OpenAiCompatible => "openai",
        ProviderType.AzureOpenAi => "azure.ai.openai",
        ProviderType.Anthropic => "anthropic",
        ProviderType.Gemini => "gcp.gemini",
        ProviderType.Ollama => "ollama",
        _ => "mock",
    };
}
