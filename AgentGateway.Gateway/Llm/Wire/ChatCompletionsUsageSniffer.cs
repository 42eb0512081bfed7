using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>Chat completions (and embeddings): <c>prompt_tokens</c>/<c>completion_tokens</c>, text in choices.</summary>
internal sealed class ChatCompletionsUsageSniffer : UsageSniffer
{
    protected override (string Input, string Output) UsageNames => ("prompt_tokens", "completion_tokens");

    protected override void ReadBodyText(JsonElement root) => ReadChoices(root, "message");

    protected override void ReadEventData(JsonElement root)
    {
        ReadUsage(root);
        ReadChoices(root, "delta");
    }

    private void ReadChoices(JsonElement root, string member)
    {
        if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in choices.EnumerateArray())
            {
                if (c.TryGetProperty(member, out var m))
                {
                    AppendText(m, "content");
                }
            }
        }
    }
}
