using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>
/// A chat request read from either API, ready for an <see cref="IChatClient"/>. On byte passthrough it may be
/// <see cref="Deferred"/>: only the model and stream flag are known, and the body is read in full the first time
/// anything else is asked for (token budgets, counting when the provider reports no usage, an alias rewrite).
/// </summary>
internal sealed class ChatRequest
{
    private readonly Func<ChatRequest>? _read;
    private readonly IList<ChatMessage>? _messages;
    private readonly ChatOptions? _options;
    private readonly bool _includeUsage;
    private readonly JsonObject? _body;
    private ChatRequest? _full;

    public ChatRequest(string model, IList<ChatMessage> messages, ChatOptions options, bool stream, bool includeUsage, JsonObject body)
    {
        (Model, Stream) = (model, stream);
        _full = this;
        (_messages, _options, _includeUsage, _body) = (messages, options, includeUsage, body);
    }

    private ChatRequest(string model, bool stream, Func<ChatRequest> read) => (Model, Stream, _read) = (model, stream, read);

    public string Model { get; }

    public bool Stream { get; }

    public IList<ChatMessage> Messages => Full._messages!;

    public ChatOptions Options => Full._options!;

    public bool IncludeUsage => Full._includeUsage;

    public JsonObject Body => Full._body!;

    /// <summary>Whether the full body has been read (always, unless deferred and not asked for yet).</summary>
    public bool IsRead => _full is not null;

    /// <summary>
    /// A request whose body is read by <paramref name="read"/> on first use; it throws
    /// <see cref="LlmRequestException"/> then if the body is invalid.
    /// </summary>
    public static ChatRequest Deferred(string model, bool stream, Func<ChatRequest> read) => new(model, stream, read);

    /// <summary>Reads a deferred body now; false when it is invalid (the provider, which took it, was the judge).</summary>
    public bool TryRead()
    {
        try
        {
            _ = Full;
            return true;
        }
        catch (LlmRequestException)
        {
            return false;
        }
    }

    private ChatRequest Full => _full ??= _read!();
}
