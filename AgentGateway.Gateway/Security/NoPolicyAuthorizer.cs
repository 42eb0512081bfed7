namespace AgentGateway.Security;

/// <summary>Placeholder authorizer: allows everything (routes without an authorization policy).</summary>
internal sealed class NoPolicyAuthorizer : IRequestAuthorizer
{
    public ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext http, AuthorizationRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AuthorizationResult.NoPolicy);
}
