namespace AgentGateway.Llm;

/// <summary>
/// Token usage of the LLM request on this HttpContext (set once known, after the response), for middleware that
/// observes the request afterwards; token limits are settled through <c>Traffic.ITokenBudget</c> instead.
/// <see cref="Estimated"/> is true when counted with o200k_base instead of reported.
/// </summary>
public sealed class LlmUsageFeature
{
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long TotalTokens => InputTokens + OutputTokens;

    public string? Provider { get; init; }

    public string? Model { get; init; }

    public bool Estimated { get; init; }
}
