using AgentGateway.Configuration;

namespace AgentGateway.Security;

/// <summary>Checks the authentication blocks of every policy: JWKS sources, hashes, names, durations.</summary>
internal sealed class SecurityConfigValidator : IConfigValidator
{
    public void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        foreach (var (name, policy) in config.Policies)
        {
            if (policy.Authentication is { } auth)
            {
                ValidateAuthentication(auth, $"policies.{name}.authentication", context);
            }

            if (policy.Authorization is { } authorization)
            {
                ValidateAuthorization(authorization, $"policies.{name}.authorization", context);
            }
        }
    }

    private static void ValidateAuthorization(AuthorizationConfig authorization, string path, ConfigValidationContext context)
    {
        if ((authorization.Cedar is null) == (authorization.CedarText is null))
        {
            context.Error(path, "set exactly one of cedar (a file) or cedarText");
            return;
        }

        var key = authorization.Cedar is not null ? $"{path}.cedar" : $"{path}.cedarText";
        if (authorization.Cedar is { } file && !File.Exists(context.ResolvePath(file)))
        {
            context.Error(key, $"file '{file}' not found");
            return;
        }

        try
        {
            Cedar.CedarPolicySet.Parse(CedarPolicyCache.Source(authorization, context.BaseDirectory).Load());
        }
        catch (Cedar.CedarParseException ex)
        {
            context.Error(key, $"line {ex.Line}, column {ex.Column}: {ex.Reason}");
        }
        catch (IOException ex)
        {
            context.Error(key, ex.Message);
        }
    }

    private static void ValidateAuthentication(AuthenticationConfig auth, string path, ConfigValidationContext context)
    {
        if (auth.Jwt is null && auth.ApiKeys.Count == 0 && auth.Basic is null)
        {
            context.Error(path, "set at least one of jwt, apiKeys or basic");
        }

        if (auth.Jwt is { } jwt)
        {
            var sources = new[] { jwt.Jwks.Url, jwt.Jwks.File, jwt.Jwks.Inline }.Count(s => !string.IsNullOrEmpty(s));
            if (sources != 1)
            {
                context.Error($"{path}.jwt.jwks", "set exactly one of url, file or inline");
            }

            if (jwt.Jwks.Url is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                context.Error($"{path}.jwt.jwks.url", $"'{url}' is not an absolute http(s) URL");
            }

            if (jwt.Jwks.File is { Length: > 0 } file && !File.Exists(context.ResolvePath(file)))
            {
                context.Error($"{path}.jwt.jwks.file", $"file '{file}' not found");
            }

            if (string.IsNullOrWhiteSpace(jwt.PrincipalClaim) || GatewayClaims.IsReserved(jwt.PrincipalClaim))
            {
                context.Error($"{path}.jwt.principalClaim", $"'{jwt.PrincipalClaim}' cannot identify a principal (a claim name outside the gateway's '{GatewayClaims.Namespace}' namespace, e.g. sub or oid)");
            }

            if (!Duration.TryParse(jwt.ClockSkew, out _))
            {
                context.Error($"{path}.jwt.clockSkew", $"'{jwt.ClockSkew}' is not a duration (e.g. 30s)");
            }
        }

        var keyNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < auth.ApiKeys.Count; i++)
        {
            var key = auth.ApiKeys[i];
            if (string.IsNullOrWhiteSpace(key.Name) || !keyNames.Add(key.Name))
            {
                context.Error($"{path}.apiKeys[{i}].name", string.IsNullOrWhiteSpace(key.Name) ? "a name is required" : $"duplicate key name '{key.Name}'");
            }

            if (!SecretHash.IsValid(key.KeyHash))
            {
                context.Error($"{path}.apiKeys[{i}].keyHash", "must be sha256:<64 hex> or pbkdf2:<iterations>:<salt>:<hash> (print one with --hash-secret)");
            }
        }

        for (var i = 0; i < (auth.Basic?.Users.Count ?? 0); i++)
        {
            var user = auth.Basic!.Users[i];
            if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Contains(':', StringComparison.Ordinal))
            {
                context.Error($"{path}.basic.users[{i}].name", "a name without ':' is required");
            }

            if (!SecretHash.IsValid(user.PasswordHash))
            {
                context.Error($"{path}.basic.users[{i}].passwordHash", "must be sha256:<64 hex> or pbkdf2:<iterations>:<salt>:<hash> (print one with --hash-secret)");
            }
        }
    }
}
