using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.A2A;

/// <summary>
/// Shared by the A2A integration tests: the Planner sample agent and the @a2a-js/sdk agent as real processes,
/// and one gateway with a route to each plus a route to an agent that is not running.
/// </summary>
public sealed class A2AAgentsFixture : IAsyncLifetime
{
    private AgentProcess? _planner;
    private AgentProcess? _js;

    public TestGateway Gateway { get; private set; } = null!;

    internal AgentProcess Planner => _planner!;

    internal AgentProcess Js => _js!;

    public async ValueTask InitializeAsync()
    {
        var planner = AgentProcess.StartSampleAsync("PlannerAgent");
        var js = AgentProcess.StartJsAgentAsync();
        _planner = await planner;
        _js = await js;
        Gateway = await TestGateway.StartAsync(GatewayYaml(_planner.BaseAddress, _js.BaseAddress, FreePort.Next()));
    }

    public static string GatewayYaml(Uri planner, Uri js, int downPort) => $$"""
        routes:
          - { name: planner, path: /agents/planner, a2a: planner }
          - { name: js, path: /agents/js, a2a: js }
          - { name: down, path: /agents/down, a2a: down }
        a2a:
          planner: { url: "{{planner}}" }
          js: { url: "{{js}}" }
          down: { url: "http://127.0.0.1:{{downPort}}" }
        """;

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (_planner is not null)
        {
            await _planner.DisposeAsync();
        }

        if (_js is not null)
        {
            await _js.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class A2AAgentsGroup : ICollectionFixture<A2AAgentsFixture>
{
    public const string Name = "A2A agents";
}
