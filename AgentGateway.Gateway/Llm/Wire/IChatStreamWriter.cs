using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Writes a translated streaming chat response in one client API's event format.</summary>
internal interface IChatStreamWriter
{
    /// <summary>
    /// Writes the stream's first event. <paramref name="inputTokens"/> counts the prompt (o200k_base over the whole
    /// request) and is called only by formats whose first event carries usage: the others must not make the client's
    /// first token wait for it.
    /// </summary>
    Task StartAsync(Func<long> inputTokens, CancellationToken ct);

    Task TextAsync(string text, CancellationToken ct);

    Task ToolCallAsync(FunctionCallContent call, CancellationToken ct);

    Task FinishAsync(ChatFinishReason? reason, long inputTokens, long outputTokens, CancellationToken ct);
}
