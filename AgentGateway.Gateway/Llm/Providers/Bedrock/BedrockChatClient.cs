using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>
/// Bedrock's Converse (<c>POST /model/{id}/converse</c>) and ConverseStream (<c>…/converse-stream</c>, AWS
/// event-stream framing) as an <see cref="IChatClient"/>. Credentials are added by the provider's handlers.
/// </summary>
internal sealed class BedrockChatClient(HttpClient http, string baseUrl, string model) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var modelId = options?.ModelId ?? model;
        using var request = Request(modelId, "converse", messages, options);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await BedrockErrors.FromResponseAsync(response, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return ConverseResponseReader.Read(doc.RootElement, modelId, RequestId(response));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var modelId = options?.ModelId ?? model;
        using var request = Request(modelId, "converse-stream", messages, options);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await BedrockErrors.FromResponseAsync(response, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var update in ConverseStreamReader.ReadAsync(body, modelId, RequestId(response), cancellationToken))
        {
            yield return update;
        }
    }

    private HttpRequestMessage Request(string modelId, string operation, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var content = new ByteArrayContent(ConverseRequestWriter.Write(messages, options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/model/{Uri.EscapeDataString(modelId)}/{operation}") { Content = content };
        request.Headers.Accept.ParseAdd(operation == "converse" ? "application/json" : "application/vnd.amazon.eventstream");
        return request;
    }

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.FirstOrDefault() : null;

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
