namespace AgentGateway.Llm.Wire;

/// <summary>The wire API a client speaks, or a provider speaks natively.</summary>
internal enum LlmApi
{
    None,
    OpenAi,
    Anthropic,
}
