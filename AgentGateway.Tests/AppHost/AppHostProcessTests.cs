using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using AgentGateway.AppHost.Hosting;

namespace AgentGateway.Tests.AppHost;

/// <summary>The real AppHost executable (Program.cs + LocalStack), stopped with SIGTERM as a terminal or CI would.</summary>
[Collection(StackTestsDefinition.Name)]
public partial class AppHostProcessTests
{
    [GeneratedRegex(@"^(\S+(?: admin)?)\s+Healthy\s+(\S+)$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [Fact]
    public async Task AppHost_PrintsTableServesGateway_AndSigtermLeavesNoOrphans()
    {
        var ct = TestContext.Current.CancellationToken;
        var dll = Path.Combine(AppContext.BaseDirectory, "AgentGateway.AppHost.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.Environment["AGENTGATEWAY_DASHBOARD_PORT"] = "0";
        using var apphost = Process.Start(info)!;
        var output = new StringBuilder();
        var tablePrinted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        apphost.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (e.Data?.StartsWith("dashboard ", StringComparison.Ordinal) == true)
                {
                    tablePrinted.TrySetResult();
                }
            }
        };
        apphost.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        apphost.BeginOutputReadLine();
        apphost.BeginErrorReadLine();
        List<int> descendants;
        try
        {
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(ct);
            startup.CancelAfter(TimeSpan.FromMinutes(6)); // it builds every sample project first
            await Task.WhenAny(tablePrinted.Task, apphost.WaitForExitAsync(startup.Token));
            Assert.True(tablePrinted.Task.IsCompleted, $"no resource table; output:\n{Text(output)}");

            var rows = TableRow().Matches(Text(output)).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            Assert.Contains("gateway admin", rows.Keys);
            using var http = new HttpClient();
            using var echo = await http.GetAsync(new Uri(new Uri(rows["gateway"]), "/echo/ping"), ct);
            Assert.True(echo.IsSuccessStatusCode, $"{echo.StatusCode}\n{Text(output)}");
            descendants = Descendants(apphost.Id);
            Assert.NotEmpty(descendants);
        }
        finally
        {
            Signal(apphost.Id, "TERM");
        }

        using (var exit = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            exit.CancelAfter(TimeSpan.FromSeconds(30));
            await apphost.WaitForExitAsync(exit.Token);
        }

        Assert.Contains("stopping", Text(output));
        Assert.All(descendants, pid => Assert.False(AppHostTestExtensions.IsAlive(pid), $"pid {pid} outlived the AppHost"));
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Every process below <paramref name="root"/>, from /proc (children files of every thread).</summary>
    private static List<int> Descendants(int root)
    {
        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            var pid = queue.Dequeue();
            var taskDir = $"/proc/{pid}/task";
            if (!Directory.Exists(taskDir))
            {
                continue;
            }

            foreach (var children in Directory.GetDirectories(taskDir).Select(t => Path.Combine(t, "children")).Where(File.Exists))
            {
                foreach (var child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse))
                {
                    result.Add(child);
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }
}
