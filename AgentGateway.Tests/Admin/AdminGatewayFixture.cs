using AgentGateway.Samples.WeatherMcp;
using AgentGateway.Security;
using AgentGateway.Tests.A2A;
using AgentGateway.Tests.Infrastructure;
using AgentGateway.Tests.Samples;
using MockLlm;

namespace AgentGateway.Tests.Admin;

/// <summary>
/// A gateway with its admin API on, in front of real backends: the MockLlm server, the Weather MCP sample, the
/// Planner A2A sample agent (a process) and an echo server, plus an http route to a port nobody listens on.
/// The <c>guarded</c> route admits API key "ops" and forbids "guest", so a denied request is one call away.
/// </summary>
public sealed class AdminGatewayFixture : IAsyncLifetime
{
    public const string OpsKey = "ops-key";
    public const string GuestKey = "guest-key";
    public const string LlmKey = "llm-key";

    public const string GuardedCedar = """
        // Operators may do anything on the guarded route; guests never.
        permit(principal == ApiKey::"ops", action, resource);
        forbid(principal == ApiKey::"guest", action, resource);
        """;

    private MockLlmServer? _llm;
    private SampleServer? _weather;
    private AgentProcess? _planner;
    private EchoServer? _echo;

    public TestGateway Gateway { get; private set; } = null!;

    public Uri AdminAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var planner = AgentProcess.StartSampleAsync("PlannerAgent");
        _llm = await MockLlmServer.StartAsync();
        _weather = await SampleServer.StartAsync(args => WeatherServer.Build(args));
        _echo = await EchoServer.StartAsync();
        _planner = await planner;
        var adminPort = FreePort.Next();
        AdminAddress = new Uri($"http://127.0.0.1:{adminPort}");
        Gateway = await TestGateway.StartAsync(Yaml(AdminAddress, _llm.BaseUrl, _weather.McpEndpoint, _planner.BaseAddress, _echo.BaseAddress, FreePort.Next()));
    }

    public static string Yaml(Uri admin, Uri llm, Uri weather, Uri planner, Uri echo, int downPort) => $$"""
        admin: { url: "{{admin}}" }
        routes:
          - { name: models, path: /v1, llm: models, policies: [keys] }
          - { name: tools, path: /mcp, mcp: tools }
          - { name: planner, path: /agents/planner, a2a: planner }
          - { name: guarded, path: /guarded, http: echo, policies: [guarded] }
          - { name: echo, path: /echo, http: echo }
          - { name: down, path: /down, http: down }
        llm:
          models:
            providers:
              - { name: mock-openai, type: openai-compatible, baseUrl: "{{new Uri(llm, "v1")}}", apiKey: upstream-secret-key, models: ["mock-*"] }
        mcp:
          tools:
            targets:
              - { name: weather, url: "{{weather}}" }
        a2a:
          planner: { url: "{{planner}}" }
        http:
          echo: { destinations: ["{{echo}}"] }
          down: { destinations: ["http://127.0.0.1:{{downPort}}"] }
        policies:
          keys:
            authentication: { apiKeys: [{ name: llm-user, keyHash: "{{SecretHash.Sha256(LlmKey)}}" }] }
          guarded:
            authentication:
              apiKeys:
                - { name: ops, keyHash: "{{SecretHash.Sha256(OpsKey)}}" }
                - { name: guest, keyHash: "{{SecretHash.Sha256(GuestKey)}}" }
            authorization:
              cedarText: |
        {{string.Join("\n", GuardedCedar.Split('\n').Select(static l => "          " + l))}}
        """;

    public HttpClient CreateAdminClient() => new() { BaseAddress = AdminAddress };

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        foreach (var resource in new IAsyncDisposable?[] { _planner, _echo, _weather, _llm })
        {
            if (resource is not null)
            {
                await resource.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AdminGatewayGroup : ICollectionFixture<AdminGatewayFixture>
{
    public const string Name = "Admin gateway";
}
