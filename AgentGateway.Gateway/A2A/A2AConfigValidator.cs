using AgentGateway.Configuration;

namespace AgentGateway.A2A;

/// <summary>Checks every <c>a2a</c> backend and reports all problems with their paths.</summary>
internal sealed class A2AConfigValidator : IConfigValidator
{
    public void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        foreach (var (name, backend) in config.A2A)
        {
            var path = $"a2a.{name}";
            if (string.IsNullOrWhiteSpace(backend.Url))
            {
                context.Error($"{path}.url", "is required (the agent's base URL)");
            }
            else if (!Uri.TryCreate(backend.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                context.Error($"{path}.url", $"'{backend.Url}' must be an absolute http(s) URL");
            }
            else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                context.Error($"{path}.url", "must not have a query or fragment (request paths are appended to it)");
            }

            if (backend.Tls is { } tls)
            {
                Traffic.TlsValidator.ValidateBackend(tls, $"{path}.tls", context);
            }

            if (!Duration.TryParse(backend.CardCacheTtl, out _))
            {
                context.Error($"{path}.cardCacheTtl", $"'{backend.CardCacheTtl}' is not a duration like 30s, 5m or 0s");
            }

            foreach (var header in backend.Headers.Keys)
            {
                if (header.Length == 0 || header.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal)))
                {
                    context.Error($"{path}.headers.{header}", "is not a valid HTTP header name");
                }
            }
        }
    }
}
