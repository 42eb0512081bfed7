namespace AgentGateway.Security;

/// <summary>Authentication methods of a policy; when several are set, any one may succeed.</summary>
public sealed record AuthenticationConfig
{
    /// <summary>JWT bearer tokens.</summary>
    public JwtConfig? Jwt { get; init; }

    /// <summary>API keys (only hashes in config).</summary>
    public IReadOnlyList<ApiKeyConfig> ApiKeys { get; init; } = [];

    /// <summary>HTTP basic authentication.</summary>
    public BasicAuthConfig? Basic { get; init; }

    /// <summary>When true, anonymous requests pass (as <c>Anonymous::""</c>) and only bad credentials are rejected.</summary>
    public bool Optional { get; init; }
}

/// <summary>JWT validation settings.</summary>
public sealed record JwtConfig
{
    /// <summary>Expected <c>iss</c>.</summary>
    public string? Issuer { get; init; }

    /// <summary>Accepted <c>aud</c> values.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>Where the signing keys come from.</summary>
    public JwksConfig Jwks { get; init; } = new();

    /// <summary>
    /// The claim whose value is the principal id (<c>User::"id"</c>); default <c>sub</c>. Choose an immutable one
    /// (e.g. <c>oid</c>), never a display name. A token without it is rejected (401).
    /// </summary>
    public string PrincipalClaim { get; init; } = "sub";

    /// <summary>Allowed clock skew, e.g. <c>30s</c>.</summary>
    public string ClockSkew { get; init; } = "30s";

    /// <summary>MCP authorization spec: the authorization servers advertised in protected-resource metadata.</summary>
    public IReadOnlyList<string> AuthorizationServers { get; init; } = [];

    /// <summary>Scopes advertised in protected-resource metadata.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
}

/// <summary>JWKS source: exactly one of url, file or inline.</summary>
public sealed record JwksConfig
{
    /// <summary>JWKS URL (cached; refreshed on unknown kid).</summary>
    public string? Url { get; init; }

    /// <summary>JWKS file path.</summary>
    public string? File { get; init; }

    /// <summary>Inline JWKS JSON.</summary>
    public string? Inline { get; init; }
}

/// <summary>One API key, stored as a hash.</summary>
public sealed record ApiKeyConfig
{
    /// <summary>Principal name (<c>ApiKey::"name"</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary><c>sha256:&lt;hex&gt;</c> of the key.</summary>
    public string KeyHash { get; init; } = "";
}

/// <summary>HTTP basic users.</summary>
public sealed record BasicAuthConfig
{
    /// <summary>Users with hashed passwords.</summary>
    public IReadOnlyList<BasicUserConfig> Users { get; init; } = [];

    /// <summary>Realm in the challenge.</summary>
    public string Realm { get; init; } = "agentgateway";
}

/// <summary>One basic-auth user.</summary>
public sealed record BasicUserConfig
{
    /// <summary>User name.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>sha256:&lt;hex&gt;</c> or <c>pbkdf2:&lt;iterations&gt;:&lt;salt b64&gt;:&lt;hash b64&gt;</c>.</summary>
    public string PasswordHash { get; init; } = "";
}
