using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>Anthropic messages: text in content blocks or deltas, usage in message_start and message_delta.</summary>
internal sealed class MessagesUsageSniffer : UsageSniffer
{
    protected override void ReadBodyText(JsonElement root)
    {
        if (root.TryGetProperty("content", out var blocks) && blocks.ValueKind == JsonValueKind.Array)
        {
            foreach (var b in blocks.EnumerateArray())
            {
                AppendText(b, "text");
            }
        }
    }

    protected override void ReadEventData(JsonElement root)
    {
        if (root.TryGetProperty("message", out var message))
        {
            ReadModel(message);
            ReadUsage(message);
        }

        ReadUsage(root);
        if (root.TryGetProperty("delta", out var delta))
        {
            AppendText(delta, "text");
            AppendText(delta, "partial_json");
        }
    }

    // message_start carries the input count; a later message_delta may report 0, which must not replace it.
    protected override bool AcceptsInput(long value) => value > 0 || Input is null;
}
