using System.Text.RegularExpressions;
using AgentGateway.Configuration;
using AgentGateway.Llm.Guards;
using AgentGateway.Llm.Providers;
using AgentGateway.Llm.VirtualModels;

namespace AgentGateway.Llm;

/// <summary>Checks every <c>llm:</c> backend and reports all errors with their paths.</summary>
internal sealed class LlmConfigValidator : IConfigValidator
{
    public void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        foreach (var (name, backend) in config.Llm)
        {
            Validate($"llm.{name}", backend, context);
        }
    }

    private static void Validate(string path, LlmBackendConfig backend, ConfigValidationContext context)
    {
        if (backend.Providers.Count == 0)
        {
            context.Error($"{path}.providers", "at least one provider is required");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < backend.Providers.Count; i++)
        {
            var p = backend.Providers[i];
            var at = $"{path}.providers[{i}]";
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                context.Error($"{at}.name", "is required");
            }
            else if (!names.Add(p.Name))
            {
                context.Error($"{at}.name", $"duplicate provider name '{p.Name}'");
            }

            var type = ProviderTypes.Parse(p.Type);
            if (type is null)
            {
                context.Error($"{at}.type", $"unknown provider type '{p.Type}' (expected one of: {string.Join(", ", ProviderTypes.Names)})");
            }

            ProviderConfigValidator.Validate(at, p, type, context);
            if (p.Tls is { } tls)
            {
                if (type == ProviderType.Mock)
                {
                    context.Error($"{at}.tls", "a mock provider makes no network calls");
                }

                Traffic.TlsValidator.ValidateBackend(tls, $"{at}.tls", context);
            }

            if (p.BaseUrl is { Length: > 0 } url)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    context.Error($"{at}.baseUrl", "must be an absolute http(s) URL");
                }
            }
            else if (type is ProviderType.AzureOpenAi or ProviderType.OpenAiCompatible)
            {
                context.Error($"{at}.baseUrl", $"is required for type '{p.Type}'");
            }

            if (type == ProviderType.AzureOpenAi && string.IsNullOrWhiteSpace(p.ApiVersion))
            {
                context.Error($"{at}.apiVersion", "is required for type 'azure-openai'");
            }

            if (p.Timeout is { Length: > 0 } timeout && !Duration.TryParse(timeout, out _))
            {
                context.Error($"{at}.timeout", $"'{timeout}' is not a duration (e.g. 30s, 2m)");
            }

            for (var m = 0; m < p.Models.Count; m++)
            {
                if (string.IsNullOrWhiteSpace(p.Models[m]))
                {
                    context.Error($"{at}.models[{m}]", "must not be empty");
                }
            }

            Cost.PriceConfigValidator.Validate($"{at}.prices", p.Prices, context);
        }

        Cost.PriceConfigValidator.Validate($"{path}.prices", backend.Prices, context);

        for (var i = 0; i < backend.Failover.Count; i++)
        {
            if (!names.Contains(backend.Failover[i]))
            {
                context.Error($"{path}.failover[{i}]", $"no provider named '{backend.Failover[i]}'");
            }
        }

        foreach (var (alias, target) in backend.Aliases)
        {
            if (string.IsNullOrWhiteSpace(target))
            {
                context.Error($"{path}.aliases.{alias}", "must name a model");
            }
            else if (backend.Providers.Count > 0 && !backend.VirtualModels.Keys.Any(v => string.Equals(v, target, StringComparison.OrdinalIgnoreCase))
                && !backend.Providers.Any(p => p.Models.Count == 0 || p.Models.Any(m => ModelPattern.Matches(m, target))))
            {
                context.Error($"{path}.aliases.{alias}", $"no provider serves model '{target}'");
            }
        }

        VirtualModelValidator.Validate(path, backend, context);
        ValidateGuards($"{path}.guards.request", backend.Guards?.Request, context);
        ValidateGuards($"{path}.guards.response", backend.Guards?.Response, context);
    }

    private static void ValidateGuards(string path, IReadOnlyList<LlmGuardRuleConfig>? rules, ConfigValidationContext context)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var rule = rules![i];
            var at = $"{path}[{i}]";
            var hasBuiltin = !string.IsNullOrWhiteSpace(rule.Builtin);
            var hasRegex = !string.IsNullOrEmpty(rule.Regex);
            if (hasBuiltin == hasRegex)
            {
                context.Error(at, "exactly one of 'builtin' or 'regex' is required");
            }
            else if (hasBuiltin && BuiltinGuards.Create(rule.Builtin!, GuardAction.Mask, null) is null)
            {
                context.Error($"{at}.builtin", $"unknown builtin '{rule.Builtin}' (expected one of: {string.Join(", ", BuiltinGuards.Names)})");
            }
            else if (hasRegex)
            {
                try
                {
                    _ = new Regex(rule.Regex!, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException ex)
                {
                    context.Error($"{at}.regex", "invalid regular expression: " + ex.Message);
                }
            }

            if (!string.Equals(rule.Action, "mask", StringComparison.OrdinalIgnoreCase) && !string.Equals(rule.Action, "reject", StringComparison.OrdinalIgnoreCase))
            {
                context.Error($"{at}.action", $"must be 'mask' or 'reject', not '{rule.Action}'");
            }
        }
    }
}
