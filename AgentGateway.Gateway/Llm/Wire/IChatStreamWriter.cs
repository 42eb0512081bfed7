using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Writes a translated streaming chat response in one client API's event format.</summary>
internal interface IChatStreamWriter
{
    Task StartAsync(long inputTokens, CancellationToken ct);

    Task TextAsync(string text, CancellationToken ct);

    Task ToolCallAsync(FunctionCallContent call, CancellationToken ct);

    Task FinishAsync(ChatFinishReason? reason, long inputTokens, long outputTokens, CancellationToken ct);
}
