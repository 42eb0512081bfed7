using AgentGateway.A2A.Protocol.V1;

namespace A2A.AgentHost;

/// <summary>
/// What a sample agent implements: given the task so far and the newest user message, publish progress through
/// <paramref name="updater"/> until the task completes, fails or needs input. Protocol versions, storage,
/// streaming and cancellation are the host's job.
/// </summary>
internal interface IAgentLogic
{
    Task RunAsync(AgentTask task, Message userMessage, TaskUpdater updater, CancellationToken cancellationToken);
}
