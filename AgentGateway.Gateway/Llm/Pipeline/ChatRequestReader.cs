using System.Text.Json.Nodes;
using AgentGateway.Llm.Guards;
using AgentGateway.Llm.Runtime;
using AgentGateway.Llm.Wire;

namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// Reads a chat request body as far as the route needs it. A backend that only passes bytes through for this API
/// (every provider native, no guards) needs the model to route on and nothing else, so the body is peeked at with
/// <see cref="RequestPeek"/> and read in full only if something later asks (<see cref="ChatRequest.Deferred"/>);
/// the provider, which receives it unchanged, judges the rest. Any other backend reads, checks and guards it in full.
/// </summary>
internal static class ChatRequestReader
{
    /// <returns>The request, and whether guards changed the body (it must then be re-serialized for the provider).</returns>
    public static (ChatRequest Request, bool Masked) Read(byte[] body, LlmBackendRuntime runtime, ClientDialect dialect, Func<JsonObject, ClientDialect, ChatRequest> read)
    {
        if (runtime.PassesThrough(dialect.Api) && RequestPeek.TryRead(body, out var model, out var stream))
        {
            return (ChatRequest.Deferred(model, stream, () => read(JsonRead.ParseObject(body), dialect)), false);
        }

        var json = JsonRead.ParseObject(body);
        JsonRead.RequiredString(json, "model");
        var masked = JsonGuard.Apply(json, runtime.RequestGuards);
        return (read(json, dialect), masked);
    }
}
