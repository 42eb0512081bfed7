using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>Chat completions (and embeddings): <c>prompt_tokens</c>/<c>completion_tokens</c>, text in choices.</summary>
internal sealed class ChatCompletionsUsageSniffer : UsageSniffer
{
    private const int Choices = 5, Message = 6, Delta = 7, Content = 8;

    private static readonly byte[][] NameTable =
        ["model"u8.ToArray(), "usage"u8.ToArray(), "prompt_tokens"u8.ToArray(), "completion_tokens"u8.ToArray(),
         "choices"u8.ToArray(), "message"u8.ToArray(), "delta"u8.ToArray(), "content"u8.ToArray()];

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
            // The answer's text is in message.content, a stream's in delta.content.
            case [Choices, Item, var member, Content] when member == (isEvent ? Delta : Message):
                TakeText(ref reader);
                break;
        }
    }
}
