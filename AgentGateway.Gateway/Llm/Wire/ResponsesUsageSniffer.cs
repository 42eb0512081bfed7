using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>Responses API: text in output items (or <c>response.output_text.delta</c> events), usage in the response.</summary>
internal sealed class ResponsesUsageSniffer : UsageSniffer
{
    private const int OutputItems = 5, Content = 6, Text = 7, Response = 8, Type = 9, Delta = 10;

    private static readonly byte[][] NameTable =
        ["model"u8.ToArray(), "usage"u8.ToArray(), "input_tokens"u8.ToArray(), "output_tokens"u8.ToArray(),
         "output"u8.ToArray(), "content"u8.ToArray(), "text"u8.ToArray(), "response"u8.ToArray(), "type"u8.ToArray(), "delta"u8.ToArray()];

    // An event's delta is text only in a response.output_text.delta event, and "type" may come after "delta".
    private bool _isTextDelta;
    private string? _delta;

    protected override byte[][] Names => NameTable;

    protected override void BeginDocument() => (_isTextDelta, _delta) = (false, null);

    protected override void OnValue(scoped ReadOnlySpan<int> path, ref Utf8JsonReader reader, bool isEvent)
    {
        switch (path)
        {
            case [Model]:
                TakeModel(ref reader);
                break;
            case [Usage, var count] when !isEvent:
                TakeCount(count, ref reader);
                break;
            case [OutputItems, Item, Content, Item, Text] when !isEvent:
                TakeText(ref reader);
                break;
            // Usage arrives in response.completed; text in response.output_text.delta.
            case [Response, Model] when isEvent:
                TakeModel(ref reader);
                break;
            case [Response, Usage, var count] when isEvent:
                TakeCount(count, ref reader);
                break;
            case [Type] when isEvent && reader.TokenType == JsonTokenType.String:
                _isTextDelta = reader.ValueTextEquals("response.output_text.delta"u8);
                if (_isTextDelta && _delta is not null)
                {
                    AppendText(_delta);
                }

                break;
            case [Delta] when isEvent && reader.TokenType == JsonTokenType.String:
                if (_isTextDelta)
                {
                    TakeText(ref reader);
                }
                else
                {
                    _delta = reader.GetString();
                }

                break;
        }
    }
}
