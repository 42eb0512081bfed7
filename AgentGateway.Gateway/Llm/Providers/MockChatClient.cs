using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AgentGateway.Llm.Wire;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers;

/// <summary>
/// The in-process <c>mock</c> provider: echoes the last user message, scripts a tool call for
/// "call tool NAME with {json}", answers a tool result with "tool result: ...". Reports no usage on purpose,
/// so the gateway's own token counting is exercised.
/// </summary>
internal sealed partial class MockChatClient(string model) : IChatClient
{
    [GeneratedRegex(@"call tool ([A-Za-z0-9_.\-]+) with (\{.*\})", RegexOptions.Singleline, 1000)]
    private static partial Regex ToolRequest();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (text, call) = Reply(messages);
        var message = new ChatMessage(ChatRole.Assistant, call is null ? [new TextContent(text)] : [call]);
        return Task.FromResult(new ChatResponse(message)
        {
            ModelId = options?.ModelId ?? model,
            FinishReason = call is null ? ChatFinishReason.Stop : ChatFinishReason.ToolCalls,
            ResponseId = "mock-" + Guid.NewGuid().ToString("N")[..12],
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (text, call) = Reply(messages);
        var modelId = options?.ModelId ?? model;
        if (call is not null)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [call]) { ModelId = modelId, FinishReason = ChatFinishReason.ToolCalls };
            yield break;
        }

        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i < words.Length - 1 ? words[i] + " " : words[i]) { ModelId = modelId };
        }

        yield return new ChatResponseUpdate { ModelId = modelId, FinishReason = ChatFinishReason.Stop };
    }

    private static (string Text, FunctionCallContent? Call) Reply(IEnumerable<ChatMessage> messages)
    {
        var list = messages.ToList();
        if (list.Count > 0 && list[^1].Contents.OfType<FunctionResultContent>().FirstOrDefault() is { } result)
        {
            return ("tool result: " + result.Result, null);
        }

        var last = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var match = ToolRequest().Match(last);
        return match.Success
            ? ("", new FunctionCallContent("call_mock1", match.Groups[1].Value, JsonRead.Arguments(match.Groups[2].Value)))
            : (last, null);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
