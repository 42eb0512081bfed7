using System.Diagnostics;
using AgentGateway.AppHost.Hosting;

namespace AgentGateway.Tests.AppHost;

public class OrphanWatchdogTests
{
    [Fact]
    public async Task WatchedProcessKilled_WatchdogKillsTrackedTreesWithinSeconds()
    {
        if (!OrphanWatchdog.IsSupported)
        {
            Assert.Skip("the orphan watchdog needs Linux with setsid");
        }

        var ct = TestContext.Current.CancellationToken;
        // Stand-in for an AppHost that gets SIGKILLed: no .NET shutdown code runs for it.
        using var fakeAppHost = Process.Start(new ProcessStartInfo("sleep", "1000"))!;
        using var watchdog = OrphanWatchdog.TryStart(fakeAppHost.Id)!;
        var childInfo = new ProcessStartInfo("setsid") { RedirectStandardOutput = true };
        foreach (var arg in new[] { "sh", "-c", "sleep 300 & echo $!; wait" })
        {
            childInfo.ArgumentList.Add(arg);
        }

        using var child = Process.Start(childInfo)!;
        var grandchildPid = int.Parse((await child.StandardOutput.ReadLineAsync(ct))!, System.Globalization.CultureInfo.InvariantCulture);
        watchdog.Track(child.Id);
        Assert.True(AppHostTestExtensions.IsAlive(grandchildPid));

        fakeAppHost.Kill();
        await fakeAppHost.WaitForExitAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (AppHostTestExtensions.IsAlive(child.Id) || AppHostTestExtensions.IsAlive(grandchildPid))
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.False(AppHostTestExtensions.IsAlive(grandchildPid));
    }

    [Fact]
    public async Task StartedChild_LeadsItsOwnProcessGroup()
    {
        if (!OrphanWatchdog.IsSupported)
        {
            Assert.Skip("the orphan watchdog needs Linux with setsid");
        }

        var ct = TestContext.Current.CancellationToken;
        var builder = await Infrastructure.DistributedApplicationTestingBuilder.CreateAsync(
            b => b.AddExecutable("tree", "sh", ".", "-c", "sleep 300"), cancellationToken: ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        await app.WaitForResourceHealthyAsync("tree", ct);

        var pid = app.GetResource("tree").ProcessId!.Value;
        // setsid calls setsid() and then execs the command in place (same pid); wait for the exec.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while ((await File.ReadAllTextAsync($"/proc/{pid}/comm", ct)).Trim() != "sh")
        {
            await Task.Delay(20, timeout.Token);
        }

        var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat", ct);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal(pid.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[2]); // pgrp == pid: setsid ran in place
    }
}
