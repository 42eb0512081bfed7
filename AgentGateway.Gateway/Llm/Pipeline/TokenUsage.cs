namespace AgentGateway.Llm.Pipeline;

/// <summary>Token counts for one request; <see cref="Counted"/> says they were estimated locally.</summary>
internal sealed record TokenUsage(long Input, long Output, bool Counted);
