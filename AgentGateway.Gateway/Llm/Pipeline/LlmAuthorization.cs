using AgentGateway.Llm.Wire;
using AgentGateway.Security;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Llm.Pipeline;

/// <summary>Asks the authorization hook about <c>Model::"&lt;requested model&gt;"</c> (DESIGN.md §6).</summary>
internal static class LlmAuthorization
{
    public static async Task EnsureAsync(IRequestAuthorizer authorizer, HttpContext http, string action, string model, string provider)
    {
        var attributes = new Dictionary<string, object?> { ["provider"] = provider, ["name"] = model };
        var result = await authorizer.AuthorizeAsync(http, new AuthorizationRequest(action, "Model", model, attributes), http.RequestAborted);
        if (!result.Allowed)
        {
            throw new LlmRequestException(403, $"You are not allowed to use the model '{model}'.", "model", "permission_denied");
        }
    }
}
