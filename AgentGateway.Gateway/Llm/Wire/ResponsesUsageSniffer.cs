using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>Responses API: text in output items (or <c>response.output_text.delta</c> events), usage in the response.</summary>
internal sealed class ResponsesUsageSniffer : UsageSniffer
{
    protected override void ReadBodyText(JsonElement root)
    {
        if (!root.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in output.EnumerateArray())
        {
            if (item.TryGetProperty("content", out var parts) && parts.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in parts.EnumerateArray())
                {
                    AppendText(part, "text");
                }
            }
        }
    }

    // Usage arrives in response.completed; text in response.output_text.delta.
    protected override void ReadEventData(JsonElement root)
    {
        if (root.TryGetProperty("response", out var response))
        {
            ReadModel(response);
            ReadUsage(response);
        }

        if (root.TryGetProperty("type", out var type) && type.ValueEquals("response.output_text.delta"))
        {
            AppendText(root, "delta");
        }
    }
}
