using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>Anthropic messages (<c>POST /messages</c>, <c>/messages/count_tokens</c>): named SSE events, Anthropic's error shape.</summary>
internal sealed class MessagesDialect : ClientDialect
{
    private static readonly KeyValuePair<string, string>[] Defaults = [new("anthropic-version", "2023-06-01")];

    public override LlmApi Api => LlmApi.Anthropic;

    public override string Operation => "messages";

    public override string IdPrefix => "msg_";

    // Anthropic refuses a request without a version; clients of other SDKs may not send one.
    public override IReadOnlyList<KeyValuePair<string, string>> DefaultHeaders => Defaults;

    protected override byte[] StreamErrorPrefix { get; } = "event: error\ndata: "u8.ToArray();

    public override ChatRequest Read(JsonObject body) => AnthropicRequestReader.Read(body);

    public override void WriteResponse(Utf8JsonWriter w, string id, string model, string? text, IReadOnlyList<FunctionCallContent> calls, ChatFinishReason? finish, long inputTokens, long outputTokens) =>
        AnthropicResponseWriter.Write(w, id, model, text, calls, finish, inputTokens, outputTokens);

    public override IChatStreamWriter CreateStreamWriter(HttpResponse response, string id, string model, ChatRequest request) =>
        new AnthropicStreamWriter(response, id, model);

    public override UsageSniffer CreateUsageSniffer() => new MessagesUsageSniffer();

    public override byte[] SerializeError(int status, string message, string? param, string? code) => ErrorShapes.Anthropic(status, message);
}
