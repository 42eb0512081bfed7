using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>Anthropic messages: text in content blocks or deltas, usage in message_start and message_delta.</summary>
internal sealed class MessagesUsageSniffer : UsageSniffer
{
    private const int Content = 5, Text = 6, Message = 7, Delta = 8, PartialJson = 9;

    private static readonly byte[][] NameTable =
        ["model"u8.ToArray(), "usage"u8.ToArray(), "input_tokens"u8.ToArray(), "output_tokens"u8.ToArray(),
         "content"u8.ToArray(), "text"u8.ToArray(), "message"u8.ToArray(), "delta"u8.ToArray(), "partial_json"u8.ToArray()];

    protected override byte[][] Names => NameTable;

    protected override void OnValue(scoped ReadOnlySpan<int> path, ref Utf8JsonReader reader, bool isEvent)
    {
        switch (path)
        {
            case [Model]:
                TakeModel(ref reader);
                break;
            case [Usage, var count]:
                TakeCount(count, ref reader);
                break;
            case [Content, Item, Text] when !isEvent:
                TakeText(ref reader);
                break;
            // message_start carries the message (model, input usage); deltas carry text or tool-call JSON.
            case [Message, Model] when isEvent:
                TakeModel(ref reader);
                break;
            case [Message, Usage, var count] when isEvent:
                TakeCount(count, ref reader);
                break;
            case [Delta, Text or PartialJson] when isEvent:
                TakeText(ref reader);
                break;
        }
    }

    // message_start carries the input count; a later message_delta may report 0, which must not replace it.
    protected override bool AcceptsInput(long value) => value > 0 || Input is null;
}
