using AgentGateway.Llm.Wire;
using AgentGateway.Routing;

namespace AgentGateway.Llm;

/// <summary>Gateway-raised errors on llm routes, in the OpenAI shape or, on <c>/messages</c>, the Anthropic shape.</summary>
internal sealed class LlmErrorWriter : IBackendErrorWriter
{
    public string Kind => RouteKinds.Llm;

    public Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        var api = context.Request.Path.Value?.EndsWith("/messages", StringComparison.Ordinal) == true ? LlmApi.Anthropic : LlmApi.OpenAi;
        return ErrorWriter.WriteAsync(context, api, status, message, code: type); // the gateway's error type as the OpenAI code
    }
}
