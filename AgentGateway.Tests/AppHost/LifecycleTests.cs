using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

public class LifecycleTests
{
    [Fact]
    public async Task WaitFor_DependentStartsOnlyAfterDependencyIsHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(b =>
        {
            var a = b.AddExecutable("a", "node", ".", "-e", AppHostScripts.SlowHttpServer)
                .WithEnvironment("DELAY_MS", "1500").WithHttpHealthCheck("/health");
            b.AddExecutable("b", "node", ".", "-e", AppHostScripts.CallDependency).WithReference(a).WaitFor(a);
        }, cancellationToken: ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        await app.WaitForResourceHealthyAsync("b", ct);
        await WaitForLineAsync(app, "b", "got: ", ct);

        var events = app.Application.Events;
        var aHealthy = events.Single(e => e.Resource == "a" && e.State == ResourceState.Healthy).Sequence;
        var bStarting = events.Single(e => e.Resource == "b" && e.State == ResourceState.Starting).Sequence;
        Assert.True(aHealthy < bStarting, $"b started (#{bStarting}) before a was healthy (#{aHealthy})");
        Assert.Contains(events, e => e.Resource == "b" && e.State == ResourceState.Waiting);
        // b's first request to a succeeded, so a was really serving when b started.
        Assert.Contains("got: ok from a", app.ConsoleText("b"));
    }

    [Fact]
    public async Task WaitFor_DependencyExits_DependentFailsToStartAndWaitThrows()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(b =>
        {
            var a = b.AddExecutable("a", "node", ".", "-e", "process.exit(3)").WithHttpHealthCheck("/health");
            b.AddExecutable("b", "node", ".", "-e", AppHostScripts.HttpServer).WaitFor(a);
        }, cancellationToken: ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);

        var ex = await Assert.ThrowsAsync<ResourceFailedException>(() => app.WaitForResourceHealthyAsync("b", ct));
        Assert.Contains("'b'", ex.Message);
        Assert.Equal(ResourceState.FailedToStart, app.GetResource("b").State);
        Assert.Null(app.GetResource("b").ProcessId);
        Assert.Equal(ResourceState.Exited, app.GetResource("a").State);
        Assert.Equal(3, app.GetResource("a").ExitCode);
    }

    [Fact]
    public async Task ChildExit_IsReportedWithExitCode()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = new StringWriter();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(
            b => b.AddExecutable("quitter", "sh", ".", "-c", "echo bye; exit 7"),
            new AppHostTestOptions { Output = TextWriter.Synchronized(output) }, ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        await app.WaitForStateAsync("quitter", ResourceState.Exited, ct);

        Assert.Equal(7, app.GetResource("quitter").ExitCode);
        var text = output.ToString();
        Assert.Contains("quitter  | bye", text); // child lines are prefixed with the resource name
        Assert.Contains("'quitter' exited with code 7", text);
    }

    [Fact]
    public async Task MissingCommand_FailsToStartWithClearMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(
            b => b.AddExecutable("ghost", "/nonexistent/program", "."), cancellationToken: ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);

        await Assert.ThrowsAsync<ResourceFailedException>(() => app.WaitForResourceHealthyAsync("ghost", ct));
        Assert.Equal(ResourceState.FailedToStart, app.GetResource("ghost").State);
        Assert.NotNull(app.GetResource("ghost").Message);
    }

    private static async Task WaitForLineAsync(AppHostTestApplication app, string resource, string text, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!app.ConsoleText(resource).Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
