namespace AgentGateway.A2A.Protocol.V1;

/// <summary>A protobuf oneof: exactly one member is set.</summary>
internal sealed record SecurityScheme
{
    public ApiKeySecurityScheme? ApiKeySecurityScheme { get; init; }
    public HttpAuthSecurityScheme? HttpAuthSecurityScheme { get; init; }
    public OpenIdConnectSecurityScheme? OpenIdConnectSecurityScheme { get; init; }
}

internal sealed record ApiKeySecurityScheme(string Location, string Name, string? Description = null);

internal sealed record HttpAuthSecurityScheme(string Scheme, string? BearerFormat = null, string? Description = null);

internal sealed record OpenIdConnectSecurityScheme(string OpenIdConnectUrl, string? Description = null);

/// <summary>Scheme name → required scopes (protobuf <c>StringList</c>, hence the <c>list</c> wrapper).</summary>
internal sealed record SecurityRequirement(Dictionary<string, StringList> Schemes);

internal sealed record StringList(IReadOnlyList<string> List);
