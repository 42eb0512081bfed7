using System.Text;
using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>
/// Reads usage (and, as a fallback for counting, the output text) from passthrough bodies and stream events
/// without changing a byte of them. Each <see cref="ClientDialect"/> knows where its API keeps them.
/// </summary>
internal abstract class UsageSniffer
{
    private readonly StringBuilder _text = new();

    public long? Input { get; private set; }

    public long? Output { get; private set; }

    public string? ResponseModel { get; private set; }

    public string OutputText => _text.ToString();

    /// <summary>Names of the input and output counts inside <c>usage</c>.</summary>
    protected virtual (string Input, string Output) UsageNames => ("input_tokens", "output_tokens");

    public void ReadBody(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            ReadModel(root);
            ReadUsage(root);
            ReadBodyText(root);
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
            ReadEventData(root);
        }
        catch (JsonException)
        {
            // A malformed event is forwarded as-is; it just does not count.
        }
    }

    /// <summary>The output text of a complete answer.</summary>
    protected abstract void ReadBodyText(JsonElement root);

    /// <summary>Usage and output text of one stream event (the model is already read).</summary>
    protected abstract void ReadEventData(JsonElement root);

    /// <summary>Whether a reported input count replaces the one already seen.</summary>
    protected virtual bool AcceptsInput(long value) => true;

    protected void ReadModel(JsonElement e)
    {
        if (ResponseModel is null && e.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String)
        {
            ResponseModel = m.GetString();
        }
    }

    protected void ReadUsage(JsonElement e)
    {
        if (!e.TryGetProperty("usage", out var u) || u.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var (inName, outName) = UsageNames;
        if (u.TryGetProperty(inName, out var i) && i.TryGetInt64(out var iv) && AcceptsInput(iv))
        {
            Input = iv;
        }

        if (u.TryGetProperty(outName, out var o) && o.TryGetInt64(out var ov))
        {
            Output = ov;
        }
    }

    protected void AppendText(JsonElement e, string name)
    {
        if (e.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String)
        {
            _text.Append(t.GetString());
        }
    }
}
