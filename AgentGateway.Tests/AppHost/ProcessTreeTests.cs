using System.Text.RegularExpressions;
using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

public partial class ProcessTreeTests
{
    [GeneratedRegex(@"grandchild=(\d+)")]
    private static partial Regex GrandchildPid();

    [Fact]
    public async Task DisposeAsync_KillsChildAndGrandchildren_NoOrphans()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(
            b => b.AddExecutable("tree", "sh", ".", "-c", "sleep 300 & echo grandchild=$!; sleep 301 & wait"),
            cancellationToken: ct);
        var app = await builder.BuildAsync(ct);
        int childPid, grandchildPid;
        try
        {
            await app.StartAsync(ct);
            await app.WaitForResourceHealthyAsync("tree", ct);
            childPid = app.GetResource("tree").ProcessId!.Value;
            grandchildPid = await ReadGrandchildPidAsync(app, ct);
            Assert.True(AppHostTestExtensions.IsAlive(childPid));
            Assert.True(AppHostTestExtensions.IsAlive(grandchildPid));
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.False(AppHostTestExtensions.IsAlive(childPid), "the child survived DisposeAsync");
        Assert.False(AppHostTestExtensions.IsAlive(grandchildPid), "the grandchild was orphaned");
        Assert.Equal(ResourceState.Stopped, app.GetResource("tree").State);
    }

    internal static async Task<int> ReadGrandchildPidAsync(AppHostTestApplication app, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var match = GrandchildPid().Match(app.ConsoleText("tree"));
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
