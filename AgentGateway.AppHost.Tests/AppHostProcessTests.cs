using System.Text.Json;
using System.Text.RegularExpressions;
using AgentGateway.AppHost.Tests.Infrastructure;

namespace AgentGateway.AppHost.Tests;

/// <summary><c>dotnet run --project AgentGateway.AppHost</c> as a person runs it, and as a terminal or CI stops it.</summary>
public sealed partial class AppHostProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"Login to the dashboard at (http://localhost:\d+/login\?t=[0-9a-f]+)")]
    private static partial Regex DashboardLogin();

    [GeneratedRegex(@"All (\d+) resources are healthy, ([\d.]+) s after start\. Gateway: (http://\S+)")]
    private static partial Regex StackReady();

    [Fact]
    public async Task DotnetRun_PrintsTheDashboardAndTheGateway_ServesRequests_AndSigtermLeavesNoProcess()
    {
        using var apphost = AppHostProcess.Start();
        IReadOnlyList<int> stack;
        try
        {
            var login = (await apphost.WaitForAsync(DashboardLogin(), TimeSpan.FromMinutes(2), Ct)).Groups[1].Value;
            var ready = await apphost.WaitForAsync(StackReady(), TimeSpan.FromMinutes(5), Ct);
            TestContext.Current.SendDiagnosticMessage($"stack ready {ready.Groups[2].Value} s after the AppHost started");

            using var http = new HttpClient();
            using var echo = await http.GetAsync(new Uri(new Uri(ready.Groups[3].Value), "/echo/ping"), Ct);
            Assert.True(echo.IsSuccessStatusCode, $"{echo.StatusCode}\n{apphost.Output}");
            Assert.Equal("echo", JsonDocument.Parse(await echo.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("service").GetString());
            using var dashboard = await http.GetAsync(new Uri(login), Ct);
            Assert.True(dashboard.IsSuccessStatusCode, $"dashboard login: {dashboard.StatusCode}");

            stack = apphost.StackProcesses();
            Assert.Contains(stack, static p => ProcessTree.CommandLine(p).Contains("dcp", StringComparison.Ordinal));
            Assert.Contains(stack, static p => ProcessTree.CommandLine(p).Contains("redis-server", StringComparison.Ordinal));
            Assert.Contains(stack, static p => ProcessTree.CommandLine(p).Contains("Aspire.Dashboard", StringComparison.Ordinal));
            Assert.Contains(stack, static p => ProcessTree.CommandLine(p).Contains("AgentGateway.Gateway", StringComparison.Ordinal));
        }
        finally
        {
            apphost.Signal("TERM");
        }

        Assert.True(await apphost.WaitForExitAsync(TimeSpan.FromMinutes(1)), $"the AppHost did not exit after SIGTERM:\n{apphost.Output}");

        // DCP stops every resource, then itself, once the AppHost is gone; give it the time it takes.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (stack.Any(ProcessTree.IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, CancellationToken.None);
        }

        var left = stack.Where(ProcessTree.IsAlive).Select(static p => $"{p}: {ProcessTree.CommandLine(p)}").ToList();
        Assert.True(left.Count == 0, "outlived the AppHost:\n" + string.Join('\n', left));
    }
}
