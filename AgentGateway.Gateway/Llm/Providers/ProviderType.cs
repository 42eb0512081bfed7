namespace AgentGateway.Llm.Providers;

/// <summary>The kinds of model provider (config <c>type</c>).</summary>
internal enum ProviderType
{
    OpenAi,
    AzureOpenAi,
    Anthropic,
    Ollama,
    Gemini,
    GeminiNative,
    Vertex,
    Bedrock,
    OpenAiCompatible,
    Mock,
}
