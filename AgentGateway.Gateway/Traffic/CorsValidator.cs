using AgentGateway.Configuration;

namespace AgentGateway.Traffic;

/// <summary>Checks a CORS policy: origins are <c>*</c> or <c>scheme://host[:port]</c> (host may start with <c>*.</c>).</summary>
internal static class CorsValidator
{
    public static void Validate(CorsConfig cors, string path, ConfigValidationContext context)
    {
        if (cors.AllowedOrigins.Count == 0)
        {
            context.Error($"{path}.allowedOrigins", "list at least one origin (or \"*\")");
        }

        for (var i = 0; i < cors.AllowedOrigins.Count; i++)
        {
            var origin = cors.AllowedOrigins[i];
            if (origin == "*")
            {
                if (cors.AllowCredentials)
                {
                    context.Error($"{path}.allowedOrigins[{i}]", "\"*\" cannot be combined with allowCredentials (browsers refuse it); list the origins");
                }

                continue;
            }

            var candidate = origin.Replace("://*.", "://wildcard.", StringComparison.Ordinal);
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || origin.EndsWith('/') || origin.Count(c => c == '*') > (origin.Contains("://*.", StringComparison.Ordinal) ? 1 : 0))
            {
                context.Error($"{path}.allowedOrigins[{i}]", $"'{origin}' is not an origin (scheme://host[:port], e.g. https://app.example.com or https://*.example.com)");
            }
        }

        for (var i = 0; i < cors.AllowedMethods.Count; i++)
        {
            if (cors.AllowedMethods[i] != "*" && !HeaderRulesValidator.IsToken(cors.AllowedMethods[i]))
            {
                context.Error($"{path}.allowedMethods[{i}]", $"'{cors.AllowedMethods[i]}' is not an HTTP method");
            }
        }

        Names(cors.AllowedHeaders, $"{path}.allowedHeaders", context);
        Names(cors.ExposedHeaders, $"{path}.exposedHeaders", context);
        TrafficConfigValidator.PositiveDuration(cors.MaxAge, $"{path}.maxAge", context);
    }

    private static void Names(IReadOnlyList<string> names, string path, ConfigValidationContext context)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] != "*" && !HeaderRulesValidator.IsToken(names[i]))
            {
                context.Error($"{path}[{i}]", $"'{names[i]}' is not a header name");
            }
        }
    }
}
