using AgentGateway.Llm.Providers;
using AgentGateway.Llm.VirtualModels;

namespace AgentGateway.Llm.Runtime;

/// <summary>A provider that can serve a request, the model name to send it, and the virtual-model target it stands for (if any).</summary>
internal sealed record ModelCandidate(LlmProvider Provider, string UpstreamModel, VirtualTarget? Target = null);
