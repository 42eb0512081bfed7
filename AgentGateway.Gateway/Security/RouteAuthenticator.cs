using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;

namespace AgentGateway.Security;

/// <summary>
/// Checks a request's credentials against every authentication method of the route's policies:
/// <c>Authorization: Bearer</c> (a JWT, or an API key), <c>x-api-key</c>, or <c>Authorization: Basic</c>.
/// </summary>
internal sealed class RouteAuthenticator(JwtAuthenticator jwt)
{
    public async Task<AuthenticationOutcome> AuthenticateAsync(HttpRequest request, IReadOnlyList<AuthenticationConfig> methods, CancellationToken ct)
    {
        var apiKeyHeader = request.Headers["x-api-key"].ToString();
        if (apiKeyHeader.Length > 0)
        {
            return ApiKey(apiKeyHeader, methods);
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return AuthenticationOutcome.None;
        }

        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Parameter is null)
        {
            return AuthenticationOutcome.Failure("the Authorization header is malformed");
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            var token = header.Parameter;
            var jwtConfig = methods.Select(m => m.Jwt).OfType<JwtConfig>().ToList();
            if (jwtConfig.Count > 0 && token.Count(c => c == '.') == 2)
            {
                AuthenticationOutcome? last = null;
                foreach (var config in jwtConfig)
                {
                    last = await jwt.AuthenticateAsync(token, config, ct);
                    if (last.Principal is not null)
                    {
                        return last;
                    }
                }

                return last!;
            }

            return methods.Any(m => m.ApiKeys.Count > 0) ? ApiKey(token, methods) : AuthenticationOutcome.Failure("the bearer token is not a JWT");
        }

        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return Basic(header.Parameter, methods);
        }

        return AuthenticationOutcome.Failure($"the authentication scheme '{header.Scheme}' is not supported here");
    }

    private static AuthenticationOutcome ApiKey(string key, IReadOnlyList<AuthenticationConfig> methods)
    {
        // Every configured hash is checked, so the time taken does not reveal which key (if any) matched.
        ApiKeyConfig? match = null;
        foreach (var candidate in methods.SelectMany(m => m.ApiKeys))
        {
            if (SecretHash.Verify(key, candidate.KeyHash))
            {
                match ??= candidate;
            }
        }

        return match is null
            ? AuthenticationOutcome.Failure("the API key is not valid")
            : AuthenticationOutcome.Success(GatewayClaims.Create(GatewayClaims.ApiKey, match.Name, []));
    }

    private static AuthenticationOutcome Basic(string parameter, IReadOnlyList<AuthenticationConfig> methods)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return AuthenticationOutcome.Failure("the basic credentials are not base64");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return AuthenticationOutcome.Failure("the basic credentials are malformed");
        }

        var (name, password) = (decoded[..colon], decoded[(colon + 1)..]);
        var user = methods.Select(m => m.Basic).OfType<BasicAuthConfig>().SelectMany(b => b.Users)
            .FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        return user is not null && SecretHash.Verify(password, user.PasswordHash)
            ? AuthenticationOutcome.Success(GatewayClaims.Create(GatewayClaims.Basic, name, [new Claim("name", name)]))
            : AuthenticationOutcome.Failure("the user name or password is not valid");
    }
}
