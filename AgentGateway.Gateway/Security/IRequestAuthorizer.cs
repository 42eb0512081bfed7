namespace AgentGateway.Security;

/// <summary>
/// Authorizes one gateway operation for the current principal (DESIGN.md §6). Protocol handlers call it
/// where the resource is known (a tool, a model, an agent method).
/// </summary>
public interface IRequestAuthorizer
{
    /// <summary>Decides whether the request's principal may perform the operation.</summary>
    ValueTask<AuthorizationResult> AuthorizeAsync(HttpContext http, AuthorizationRequest request, CancellationToken cancellationToken);
}

/// <summary>An operation to authorize: a Cedar action on a typed resource, with attributes and context.</summary>
public sealed record AuthorizationRequest(
    string Action,
    string ResourceType,
    string ResourceId,
    IReadOnlyDictionary<string, object?> ResourceAttributes,
    IReadOnlyDictionary<string, object?>? Context = null);

/// <summary>A decision with the determining policy ids and any policy evaluation errors.</summary>
public sealed record AuthorizationResult(bool Allowed, IReadOnlyList<string> Policies, IReadOnlyList<string> Errors)
{
    /// <summary>Allowed because no authorization policy applies.</summary>
    public static AuthorizationResult NoPolicy { get; } = new(true, [], []);
}
