using AgentGateway.Security;

namespace AgentGateway.A2A;

/// <summary>Asks the authorizer whether the caller may send <paramref name="method"/> to the agent (DESIGN.md §6:
/// action <c>send_message</c>, resource <c>Agent::"backend"</c> with attribute <c>method</c>).</summary>
internal static class A2AAuthorization
{
    public const string Action = "send_message";
    public const string ResourceType = "Agent";

    public static async ValueTask<AuthorizationResult> AuthorizeAsync(IRequestAuthorizer authorizer, HttpContext context, string agent, string method)
    {
        var request = new AuthorizationRequest(Action, ResourceType, agent,
            new Dictionary<string, object?> { ["method"] = method });
        return await authorizer.AuthorizeAsync(context, request, context.RequestAborted);
    }

    public static string DeniedMessage(string agent, string method) =>
        $"Forbidden: the gateway's policy does not allow {Action} on {ResourceType}::\"{agent}\" (method {method})";
}
