using AgentGateway.Configuration;
using AgentGateway.Llm.Providers;

namespace AgentGateway.Llm.VirtualModels;

/// <summary>Checks a backend's <c>virtualModels</c> and reports every error with its path.</summary>
internal static class VirtualModelValidator
{
    public static void Validate(string path, LlmBackendConfig backend, ConfigValidationContext context)
    {
        foreach (var (name, model) in backend.VirtualModels)
        {
            var at = $"{path}.virtualModels.{name}";
            if (backend.Aliases.Keys.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))
            {
                context.Error(at, $"'{name}' is also an alias; a model name must mean one thing");
            }

            if (RoutingStrategies.Parse(model.Strategy) is null)
            {
                context.Error($"{at}.strategy", $"unknown strategy '{model.Strategy}' (expected one of: {string.Join(", ", RoutingStrategies.Names)})");
            }

            if (model.Targets.Count == 0)
            {
                context.Error($"{at}.targets", "at least one target is required");
            }

            for (var i = 0; i < model.Targets.Count; i++)
            {
                ValidateTarget($"{at}.targets[{i}]", model.Targets[i], backend, context);
            }

            if (model.Ejection is { } ejection)
            {
                if (ejection.ConsecutiveFailures < 0)
                {
                    context.Error($"{at}.ejection.consecutiveFailures", "must be 0 (off) or more");
                }

                if (!Duration.TryParse(ejection.CoolDown, out var coolDown) || coolDown <= TimeSpan.Zero)
                {
                    context.Error($"{at}.ejection.coolDown", $"'{ejection.CoolDown}' is not a positive duration (e.g. 30s, 2m)");
                }
            }
        }
    }

    private static void ValidateTarget(string at, VirtualModelTargetConfig target, LlmBackendConfig backend, ConfigValidationContext context)
    {
        var provider = backend.Providers.FirstOrDefault(p => string.Equals(p.Name, target.Provider, StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(target.Provider))
        {
            context.Error($"{at}.provider", "is required");
        }
        else if (provider is null)
        {
            context.Error($"{at}.provider", $"no provider named '{target.Provider}'");
        }

        if (string.IsNullOrWhiteSpace(target.Model))
        {
            context.Error($"{at}.model", "is required");
        }
        else if (provider is not null && provider.Models.Count > 0 && !provider.Models.Any(m => ModelPattern.Matches(m, target.Model)))
        {
            context.Error($"{at}.model", $"provider '{provider.Name}' does not serve model '{target.Model}'");
        }

        if (target.Weight <= 0)
        {
            context.Error($"{at}.weight", "must be greater than 0");
        }
    }
}
