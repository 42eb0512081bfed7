using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>The OpenAI Responses API (<c>POST /responses</c>): its own items and events, OpenAI's error shape.</summary>
internal sealed class ResponsesDialect : ClientDialect
{
    public override LlmApi Api => LlmApi.OpenAi;

    public override string Operation => "responses";

    public override string IdPrefix => "resp_";

    public override ChatRequest Read(JsonObject body) => ResponsesRequestReader.Read(body);

    public override void WriteResponse(Utf8JsonWriter w, string id, string model, string? text, IReadOnlyList<FunctionCallContent> calls, ChatFinishReason? finish, long inputTokens, long outputTokens) =>
        ResponsesResponseWriter.Write(w, id, model, text, calls, finish, inputTokens, outputTokens);

    public override IChatStreamWriter CreateStreamWriter(HttpResponse response, string id, string model, ChatRequest request) =>
        new ResponsesStreamWriter(response, id, model);

    public override UsageSniffer CreateUsageSniffer() => new ResponsesUsageSniffer();

    // A translated answer never reuses the provider's id: a chat completion id is no response id.
    public override string ResponseId(string? upstream) => IdPrefix + Guid.NewGuid().ToString("N");

    public override byte[] SerializeError(int status, string message, string? param, string? code) => ErrorShapes.OpenAi(status, message, param, code);
}
