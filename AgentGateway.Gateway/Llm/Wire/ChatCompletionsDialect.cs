using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>OpenAI chat completions (<c>POST /chat/completions</c>); also the shape of models and embeddings.</summary>
internal sealed class ChatCompletionsDialect : ClientDialect
{
    public override LlmApi Api => LlmApi.OpenAi;

    public override string Operation => "chat/completions";

    public override string IdPrefix => "chatcmpl-";

    public override ChatRequest Read(JsonObject body) => OpenAiRequestReader.Read(body);

    // An assistant turn that only calls tools has content null, not "".
    public override void WriteResponse(Utf8JsonWriter w, string id, string model, string? text, IReadOnlyList<FunctionCallContent> calls, ChatFinishReason? finish, long inputTokens, long outputTokens) =>
        OpenAiResponseWriter.Write(w, id, model, calls.Count > 0 && string.IsNullOrEmpty(text) ? null : text ?? "", calls, finish, inputTokens, outputTokens);

    public override IChatStreamWriter CreateStreamWriter(HttpResponse response, string id, string model, ChatRequest request) =>
        new OpenAiStreamWriter(response, id, model, request.IncludeUsage);

    public override UsageSniffer CreateUsageSniffer() => new ChatCompletionsUsageSniffer();

    public override byte[] SerializeError(int status, string message, string? param, string? code) => ErrorShapes.OpenAi(status, message, param, code);
}
