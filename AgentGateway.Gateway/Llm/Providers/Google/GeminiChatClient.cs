using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers.Google;

/// <summary>
/// Gemini's native API as an <see cref="IChatClient"/>: <c>{models}/{model}:generateContent</c> and
/// <c>:streamGenerateContent?alt=sse</c>. The Gemini API and Vertex AI differ only in <paramref name="modelsUrl"/>
/// and in the credential the provider's handlers add.
/// </summary>
internal sealed class GeminiChatClient(HttpClient http, string modelsUrl, string model) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var modelId = options?.ModelId ?? model;
        using var request = Request(modelId, ":generateContent", messages, options);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var counter = 0;
        var (contents, finish, usage, id) = GenerateContentReader.Read(doc.RootElement, ref counter);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents)) { ModelId = modelId, ResponseId = id, FinishReason = finish, Usage = usage };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var modelId = options?.ModelId ?? model;
        using var request = Request(modelId, ":streamGenerateContent?alt=sse", messages, options);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var counter = 0;
        ChatFinishReason? finish = null;
        UsageDetails? usage = null;
        string? responseId = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).TrimStart());
                continue;
            }

            if (line.Length > 0 || data.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(data.ToString());
            data.Clear();
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                throw GeminiErrors.From(error, null);
            }

            var (contents, chunkFinish, chunkUsage, id) = GenerateContentReader.Read(doc.RootElement, ref counter);
            responseId ??= id;
            usage = chunkUsage ?? usage; // each chunk carries the running totals
            finish = chunkFinish == ChatFinishReason.Stop && finish == ChatFinishReason.ToolCalls ? finish : chunkFinish ?? finish;
            if (contents.Count > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, contents) { ModelId = modelId, ResponseId = responseId };
            }
        }

        var last = new ChatResponseUpdate { ModelId = modelId, ResponseId = responseId, FinishReason = finish ?? ChatFinishReason.Stop };
        if (usage is not null)
        {
            last.Contents.Add(new UsageContent(usage));
        }

        yield return last;
    }

    private HttpRequestMessage Request(string modelId, string method, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var content = new ByteArrayContent(GenerateContentWriter.Write(messages, options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, modelsUrl + "/" + Uri.EscapeDataString(modelId) + method) { Content = content };
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                throw GeminiErrors.From(error, response.StatusCode);
            }
        }
        catch (JsonException)
        {
        }

        throw new HttpRequestException(response.ReasonPhrase ?? "error", null, response.StatusCode);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
