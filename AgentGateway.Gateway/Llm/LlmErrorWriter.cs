using AgentGateway.Llm.Wire;
using AgentGateway.Routing;

namespace AgentGateway.Llm;

/// <summary>Gateway-raised errors on llm routes, in the shape of the API the path belongs to (<see cref="ClientDialect.ForPath"/>).</summary>
internal sealed class LlmErrorWriter : IBackendErrorWriter
{
    public string Kind => RouteKinds.Llm;

    public Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        return ClientDialect.ForPath(context.Request.Path.Value).WriteErrorAsync(context, status, message, code: type); // the gateway's error type as the OpenAI code
    }
}
