using System.Text;
using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>
/// Reads usage (and, as a fallback for counting, the output text) from passthrough bodies and stream events
/// without changing a byte of them. Each <see cref="ClientDialect"/> knows where its API keeps them.
/// </summary>
/// <remarks>
/// One forward pass with <see cref="Utf8JsonReader"/>, no document: a property whose name is not one of the dialect's
/// <see cref="Names"/> is skipped whole (still validated), and the dialect sees each scalar on a known path
/// (<see cref="OnValue"/>). Paths are matched from the root, so a <c>model</c> nested in a message is not the
/// response's model. A document that turns out malformed counts for nothing, as if it had never been read.
/// </remarks>
internal abstract class UsageSniffer
{
    /// <summary>Path ids shared by every dialect: index + 1 in <see cref="Names"/>; an array item is <see cref="Item"/>.</summary>
    protected const int Item = -1, Model = 1, Usage = 2, In = 3, Out = 4;

    // Deeper than any path a dialect reads (output[].content[].text is 5); anything deeper is skipped.
    private const int MaxPath = 6;

    // Text values up to this length are appended from the stack instead of becoming a string first.
    private const int StackText = 256;

    private readonly StringBuilder _text = new();

    public long? Input { get; private set; }

    public long? Output { get; private set; }

    public string? ResponseModel { get; private set; }

    public string OutputText => _text.ToString();

    /// <summary>
    /// The property names the dialect reads, UTF-8: <c>model</c>, <c>usage</c>, the input and output count names
    /// (ids 1–4), then its own (ids 5…).
    /// </summary>
    protected abstract byte[][] Names { get; }

    /// <summary>A complete (non-streaming) answer.</summary>
    public void ReadBody(ReadOnlySpan<byte> json) => Read(json, isEvent: false);

    /// <summary>One SSE event's data payload.</summary>
    public void ReadEvent(ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8) || data.IsEmpty)
        {
            return;
        }

        Read(data, isEvent: true);
    }

    /// <summary>One scalar at <paramref name="path"/> (ids from the root); <paramref name="reader"/> is on its token.</summary>
    protected abstract void OnValue(scoped ReadOnlySpan<int> path, ref Utf8JsonReader reader, bool isEvent);

    /// <summary>Called before each document, for dialects that combine values of one event.</summary>
    protected virtual void BeginDocument()
    {
    }

    /// <summary>Whether a reported input count replaces the one already seen.</summary>
    protected virtual bool AcceptsInput(long value) => true;

    protected void TakeModel(ref Utf8JsonReader reader)
    {
        if (ResponseModel is null && reader.TokenType == JsonTokenType.String)
        {
            ResponseModel = reader.GetString();
        }
    }

    /// <summary>A count inside <c>usage</c>: <paramref name="id"/> is <see cref="In"/> or <see cref="Out"/>; only integers count.</summary>
    protected void TakeCount(int id, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
        {
            return;
        }

        if (id == In && AcceptsInput(value))
        {
            Input = value;
        }
        else if (id == Out)
        {
            Output = value;
        }
    }

    protected void TakeText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return;
        }

        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > StackText)
        {
            _text.Append(reader.GetString());
            return;
        }

        // Unescaped text never has more chars than its UTF-8 bytes.
        Span<char> chars = stackalloc char[StackText];
        _text.Append(chars[..reader.CopyString(chars)]);
    }

    protected void AppendText(string text) => _text.Append(text);

    private void Read(ReadOnlySpan<byte> json, bool isEvent)
    {
        var saved = (Input, Output, ResponseModel, _text.Length);
        try
        {
            BeginDocument();
            var reader = new Utf8JsonReader(json);
            reader.Read();
            Span<int> path = stackalloc int[MaxPath];
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadObject(ref reader, path, 0, isEvent);
            }
            else
            {
                reader.Skip();
            }

            // Trailing bytes after the value make the document malformed.
            reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON (or a string that is not Unicode): nothing to account; the bytes still go to the client unchanged.
            (Input, Output, ResponseModel) = (saved.Input, saved.Output, saved.ResponseModel);
            _text.Length = saved.Length;
        }
    }

    private void ReadObject(ref Utf8JsonReader reader, scoped Span<int> path, int depth, bool isEvent)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = depth < MaxPath ? Lookup(ref reader) : 0;
            reader.Read();
            if (id == 0)
            {
                reader.Skip();
                continue;
            }

            path[depth] = id;
            ReadValue(ref reader, path, depth + 1, isEvent);
        }
    }

    private void ReadValue(ref Utf8JsonReader reader, scoped Span<int> path, int depth, bool isEvent)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                ReadObject(ref reader, path, depth, isEvent);
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (depth < MaxPath)
                    {
                        path[depth] = Item;
                        ReadValue(ref reader, path, depth + 1, isEvent);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                break;
            default:
                OnValue(path[..depth], ref reader, isEvent);
                break;
        }
    }

    private int Lookup(ref Utf8JsonReader reader)
    {
        var names = Names;
        for (var i = 0; i < names.Length; i++)
        {
            // ValueTextEquals compares the unescaped name, so "mod\u0065l" is "model".
            if (reader.ValueTextEquals(names[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
