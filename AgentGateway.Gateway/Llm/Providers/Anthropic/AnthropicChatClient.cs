using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Anthropic;

/// <summary>
/// Anthropic's Messages API (<c>POST {baseUrl}/v1/messages</c>, streamed as server-sent events) as an
/// <see cref="IChatClient"/>: the body is written straight from the messages and the events read straight into
/// updates, without an SDK object model in between. <c>x-api-key</c> is set by the provider's handler.
/// </summary>
internal sealed class AnthropicChatClient(HttpClient http, string baseUrl, string model) : IChatClient
{
    /// <summary>The API version every request names: the one the Anthropic SDK (13.12) this client replaced sent.</summary>
    public const string ApiVersion = "2026-10-21";

    /// <summary>max_tokens is required by the API; used when the client did not ask for a limit.</summary>
    public const int DefaultMaxTokens = 4096;

    private readonly Uri _messagesUri = new(baseUrl + "/v1/messages");

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var modelId = options?.ModelId ?? model;
        using var request = Request(modelId, messages, options, stream: false);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await AnthropicErrors.FromResponseAsync(response, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return MessagesResponseReader.Read(doc.RootElement, modelId);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var modelId = options?.ModelId ?? model;
        using var request = Request(modelId, messages, options, stream: true);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await AnthropicErrors.FromResponseAsync(response, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var update in MessagesStreamReader.ReadAsync(body, cancellationToken))
        {
            yield return update;
        }
    }

    private HttpRequestMessage Request(string modelId, IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var content = new ReadOnlyMemoryContent(MessagesRequestWriter.Write(modelId, messages, options, stream));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, _messagesUri) { Content = content };
        request.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
        request.Headers.Accept.ParseAdd(stream ? "text/event-stream" : "application/json");
        return request;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("anthropic", new Uri(baseUrl), model)
        : null;

    public void Dispose()
    {
    }
}
