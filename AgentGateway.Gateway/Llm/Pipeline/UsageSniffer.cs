using System.Text;
using System.Text.Json;
using AgentGateway.Llm.Wire;

namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// Reads usage (and, as a fallback for counting, the output text) from passthrough bodies and stream events
/// without changing a byte of them.
/// </summary>
internal sealed class UsageSniffer(LlmApi api, bool responses = false)
{
    private readonly StringBuilder _text = new();

    public long? Input { get; private set; }

    public long? Output { get; private set; }

    public string? ResponseModel { get; private set; }

    public string OutputText => _text.ToString();

    public void ReadBody(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            ReadModel(root);
            ReadUsage(root);
            if (api == LlmApi.Anthropic && root.TryGetProperty("content", out var blocks) && blocks.ValueKind == JsonValueKind.Array)
            {
                foreach (var b in blocks.EnumerateArray())
                {
                    AppendText(b, "text");
                }
            }
            else if (responses && root.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Array)
            {
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
            else if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
            {
                foreach (var c in choices.EnumerateArray())
                {
                    if (c.TryGetProperty("message", out var m))
                    {
                        AppendText(m, "content");
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to account; the bytes still go to the client unchanged.
        }
    }

    /// <summary>One SSE event's data payload.</summary>
    public void ReadEvent(ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8) || data.IsEmpty)
        {
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(data.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            ReadModel(root);
            if (responses)
            {
                // Responses API events: text in response.output_text.delta, usage in response.completed.
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
            else if (api == LlmApi.Anthropic)
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
            else
            {
                ReadUsage(root);
                if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
                {
                    foreach (var c in choices.EnumerateArray())
                    {
                        if (c.TryGetProperty("delta", out var d))
                        {
                            AppendText(d, "content");
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A malformed event is forwarded as-is; it just does not count.
        }
    }

    private void ReadModel(JsonElement e)
    {
        if (ResponseModel is null && e.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String)
        {
            ResponseModel = m.GetString();
        }
    }

    private void ReadUsage(JsonElement e)
    {
        if (!e.TryGetProperty("usage", out var u) || u.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var (inName, outName) = api == LlmApi.Anthropic || responses ? ("input_tokens", "output_tokens") : ("prompt_tokens", "completion_tokens");
        if (u.TryGetProperty(inName, out var i) && i.TryGetInt64(out var iv) && (api != LlmApi.Anthropic || iv > 0 || Input is null))
        {
            Input = iv;
        }

        if (u.TryGetProperty(outName, out var o) && o.TryGetInt64(out var ov))
        {
            Output = ov;
        }
    }

    private void AppendText(JsonElement e, string name)
    {
        if (e.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String)
        {
            _text.Append(t.GetString());
        }
    }
}
