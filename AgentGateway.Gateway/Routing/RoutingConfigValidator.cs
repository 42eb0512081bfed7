using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>Checks routes: name, path, exactly one backend that exists, known policies (each kind checks its own backends).</summary>
internal sealed class RoutingConfigValidator : IConfigValidator
{
    public void Validate(GatewayConfig config, ConfigValidationContext context)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var path = $"routes[{i}]";
            if (string.IsNullOrWhiteSpace(route.Name))
            {
                context.Error($"{path}.name", "every route needs a name");
            }
            else if (!names.Add(route.Name))
            {
                context.Error($"{path}.name", $"duplicate route name '{route.Name}'");
            }

            if (!route.Path.StartsWith('/'))
            {
                context.Error($"{path}.path", $"'{route.Path}' must start with '/'");
            }

            var kinds = RouteKinds.Of(route).ToList();
            if (kinds.Count != 1)
            {
                context.Error(path, kinds.Count == 0
                    ? "a route needs exactly one of llm, mcp, a2a or http"
                    : $"a route needs exactly one of llm, mcp, a2a or http, not {string.Join(" and ", kinds.Select(k => k.Kind))}");
            }

            foreach (var (kind, backend) in kinds.Where(k => !RouteKinds.Exists(config, k.Kind, k.Backend)))
            {
                context.Error($"{path}.{kind}", $"no {kind} backend named '{backend}'");
            }

            foreach (var policy in route.Policies.Where(p => !config.Policies.ContainsKey(p)))
            {
                context.Error($"{path}.policies", $"no policy named '{policy}'");
            }
        }
    }
}
