using AgentGateway.Llm.Providers;

namespace AgentGateway.Llm.Runtime;

/// <summary>A provider that can serve a request, and the model name to send it.</summary>
internal sealed record ModelCandidate(LlmProvider Provider, string UpstreamModel);
