using AgentGateway.Configuration;
using AgentGateway.Routing;
using AgentGateway.Security;
using AgentGateway.Security.Cedar;

namespace AgentGateway.Http;

/// <summary>Checks http backends (destinations, reactivation period) and the Cedar policies of http routes.</summary>
internal sealed class HttpConfigValidator : IConfigValidator
{
    public void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        LintPathPolicies(config, context);
        foreach (var (name, backend) in config.Http)
        {
            if (backend.Destinations.Count == 0)
            {
                context.Error($"http.{name}.destinations", "at least one destination is required");
            }

            for (var i = 0; i < backend.Destinations.Count; i++)
            {
                if (!Uri.TryCreate(backend.Destinations[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    context.Error($"http.{name}.destinations[{i}]", $"'{backend.Destinations[i]}' is not an absolute http(s) URL");
                }
            }

            if (!Duration.TryParse(backend.ReactivationPeriod, out _))
            {
                context.Error($"http.{name}.reactivationPeriod", $"'{backend.ReactivationPeriod}' is not a duration (e.g. 30s)");
            }
        }
    }

    // The Cedar policies of http routes compare resource.path with lower-case text only (see HttpPathPolicyLint).
    private static void LintPathPolicies(GatewayConfig config, ConfigValidationContext context)
    {
        var names = config.Routes.Where(r => RouteKinds.Of(r).Any(k => k.Kind == RouteKinds.Http))
            .SelectMany(r => r.Policies).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (config.Policies.GetValueOrDefault(name)?.Authorization is not { } authorization
                || (authorization.Cedar is null) == (authorization.CedarText is null))
            {
                continue;
            }

            CedarPolicySet set;
            try
            {
                set = CedarPolicySet.Parse(CedarPolicyCache.Source(authorization, context.BaseDirectory).Load());
            }
            catch (Exception ex) when (ex is CedarParseException or IOException)
            {
                continue; // reported by the security validator
            }

            foreach (var literal in HttpPathPolicyLint.UpperCaseLiterals(set))
            {
                context.Error($"policies.{name}.authorization", $"resource.path is compared with \"{literal}\", which has upper-case letters: " +
                    "http routes give policies the path lower-cased, so this never matches (docs/http.md#authorization)");
            }
        }
    }
}
