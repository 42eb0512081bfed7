using AgentGateway.Configuration;
using AgentGateway.Routing;
using AgentGateway.Traffic;

namespace AgentGateway.Hosting;

/// <summary>
/// Compiles <see cref="RoutePipelines"/>: for each route, the steps of <see cref="GatewayApplicationExtensions.RouteSteps"/>
/// that it uses, in that order, then the dispatcher. Routes that use the same steps share one pipeline, and a reload
/// carries over the pipelines it still needs, so a middleware instance lives as long as today's single chain did: the
/// state a step keeps across requests (rate-limit windows, in-flight counts) is in DI singletons, shared by every pipeline.
/// </summary>
internal sealed class RoutePipelinesCompiler(IServiceProvider services, BackendDispatcher dispatcher) : RuntimeCompiler<RoutePipelines>
{
    private readonly IReadOnlyList<RouteStep> _steps = GatewayApplicationExtensions.RouteSteps;

    protected override RoutePipelines Compile(GatewayConfig config, GatewayConfig? previousConfig, RoutePipelines? previousPart)
    {
        var built = new Dictionary<string, RoutePipeline>(StringComparer.Ordinal);
        var previous = (previousPart?.All ?? []).ToDictionary(Key, StringComparer.Ordinal);
        var byRoute = new Dictionary<RouteConfig, RoutePipeline>(ReferenceEqualityComparer.Instance);
        foreach (var route in new RouteTable(config).All)
        {
            var traffic = RouteTrafficPolicies.Compile(route.Config, config);
            var steps = _steps.Where(s => s.Uses(route, traffic)).ToList();
            var key = string.Join(',', steps.Select(s => s.Name));
            if (!built.TryGetValue(key, out var pipeline))
            {
                pipeline = previous.GetValueOrDefault(key) ?? Build(steps);
                built[key] = pipeline;
            }

            byRoute[route.Config] = pipeline;
        }

        return new RoutePipelines(byRoute);
    }

    private static string Key(RoutePipeline pipeline) => string.Join(',', pipeline.Steps);

    private RoutePipeline Build(List<RouteStep> steps)
    {
        var app = new ApplicationBuilder(services);
        foreach (var step in steps)
        {
            step.Add(app);
        }

        app.Run(dispatcher.DispatchAsync);
        return new RoutePipeline([.. steps.Select(s => s.Name)], app.Build());
    }
}
