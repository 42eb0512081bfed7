using AgentGateway.AppHost.Hosting;

namespace AgentGateway.Tests.Infrastructure;

/// <summary>
/// Aspire's testing builder, for our orchestrator: describe (or reuse) a resource graph, build, start
/// with random ports and no dashboard, talk to resources by name, and dispose to kill everything.
/// <code>
/// var builder = await DistributedApplicationTestingBuilder.CreateAsync&lt;LocalStack&gt;(ct);
/// await using var app = await builder.BuildAsync(ct);
/// await app.StartAsync(ct);
/// await app.WaitForResourceHealthyAsync("gateway", ct);
/// using var http = app.CreateHttpClient("gateway");
/// </code>
/// </summary>
public sealed class DistributedApplicationTestingBuilder
{
    private DistributedApplicationTestingBuilder(IDistributedApplicationBuilder inner) => Inner = inner;

    /// <summary>The underlying builder: add or inspect resources before <see cref="BuildAsync"/>.</summary>
    public IDistributedApplicationBuilder Inner { get; }

    public IReadOnlyList<Resource> Resources => Inner.Resources;

    /// <summary>An empty graph; <paramref name="configure"/> adds the resources.</summary>
    public static Task<DistributedApplicationTestingBuilder> CreateAsync(Action<IDistributedApplicationBuilder> configure,
        AppHostTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        cancellationToken.ThrowIfCancellationRequested();
        var builder = DistributedApplication.CreateBuilder(ToOptions(options ?? new AppHostTestOptions()));
        configure(builder);
        return Task.FromResult(new DistributedApplicationTestingBuilder(builder));
    }

    /// <summary>The AppHost's own graph (e.g. <c>LocalStack</c>), exactly as Program.cs builds it.</summary>
    public static Task<DistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(AppHostTestOptions? options = null,
        CancellationToken cancellationToken = default) where TEntryPoint : IAppHostGraph =>
        CreateAsync(TEntryPoint.Configure, options, cancellationToken);

    public Task<AppHostTestApplication> BuildAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new AppHostTestApplication(Inner.Build()));
    }

    private static DistributedApplicationOptions ToOptions(AppHostTestOptions options) => new()
    {
        EnableDashboard = options.EnableDashboard,
        DashboardPort = 0,
        Output = options.Output,
        HealthTimeout = options.HealthTimeout,
    };
}
