using System.Security.Claims;

namespace AgentGateway.Security;

/// <summary>The result of checking a request's credentials against a route's authentication methods.</summary>
internal sealed record AuthenticationOutcome(ClaimsPrincipal? Principal, string? Error)
{
    /// <summary>The request carried no credentials at all.</summary>
    public static AuthenticationOutcome None { get; } = new(null, null);

    public static AuthenticationOutcome Success(ClaimsPrincipal principal) => new(principal, null);

    public static AuthenticationOutcome Failure(string error) => new(null, error);
}
