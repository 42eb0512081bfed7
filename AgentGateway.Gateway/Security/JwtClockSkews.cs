using AgentGateway.Configuration;
using AgentGateway.Routing;

namespace AgentGateway.Security;

/// <summary>The clock skew of every JWT method of one config as a <see cref="TimeSpan"/>, compiled once per reload.</summary>
internal sealed class JwtClockSkews(IReadOnlyDictionary<JwtConfig, TimeSpan> byConfig)
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    /// <summary>The skew of <paramref name="jwt"/>; one from a config this runtime was not compiled from is read directly.</summary>
    public TimeSpan For(JwtConfig jwt) => byConfig.TryGetValue(jwt, out var skew) ? skew : Parse(jwt);

    public static TimeSpan Parse(JwtConfig jwt) => Duration.TryParse(jwt.ClockSkew, out var skew) ? skew : Default;
}

/// <summary>Compiles <see cref="JwtClockSkews"/> for the runtime.</summary>
internal sealed class JwtClockSkewsCompiler : RuntimeCompiler<JwtClockSkews>
{
    protected override JwtClockSkews Compile(GatewayConfig config, GatewayConfig? previousConfig, JwtClockSkews? previousPart)
    {
        // Keyed by instance: the authenticator holds the very JwtConfig of the request's snapshot.
        var skews = new Dictionary<JwtConfig, TimeSpan>(ReferenceEqualityComparer.Instance);
        foreach (var jwt in config.Policies.Values.Select(p => p.Authentication?.Jwt).OfType<JwtConfig>())
        {
            skews[jwt] = JwtClockSkews.Parse(jwt);
        }

        return new JwtClockSkews(skews);
    }
}
