using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

/// <summary>KillAll ends every child of this process, so it must not run beside other stacks.</summary>
[CollectionDefinition(nameof(ProcessExitTests), DisableParallelization = true)]
public sealed class ProcessExitTestsDefinition;

[Collection(nameof(ProcessExitTests))]
public class ProcessExitTests
{
    [Fact]
    public async Task ChildProcessRegistry_KillAll_KillsLiveTreesWithoutCleanStop()
    {
        // This is what AppDomain.ProcessExit runs when the AppHost dies without StopAsync.
        var ct = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(
            b => b.AddExecutable("tree", "sh", ".", "-c", "sleep 300 & echo grandchild=$!; wait"), cancellationToken: ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        await app.WaitForResourceHealthyAsync("tree", ct);
        var childPid = app.GetResource("tree").ProcessId!.Value;
        var grandchildPid = await ProcessTreeTests.ReadGrandchildPidAsync(app, ct);

        ChildProcessRegistry.KillAll();
        await app.WaitForStateAsync("tree", ResourceState.Exited, ct);

        Assert.False(AppHostTestExtensions.IsAlive(childPid), "the child survived");
        Assert.False(AppHostTestExtensions.IsAlive(grandchildPid), "the grandchild was orphaned");
    }
}
