using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

internal static class AppHostTestExtensions
{
    /// <summary>Completes when the resource reaches <paramref name="state"/> (now or later).</summary>
    public static async Task WaitForStateAsync(this AppHostTestApplication app, string resource, ResourceState state,
        CancellationToken ct)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(ResourceEvent e)
        {
            if (string.Equals(e.Resource, resource, StringComparison.OrdinalIgnoreCase) && e.State == state)
            {
                reached.TrySetResult();
            }
        }

        app.Application.ResourceStateChanged += OnChanged;
        try
        {
            if (app.GetResource(resource).State == state)
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await reached.Task.WaitAsync(timeout.Token);
        }
        finally
        {
            app.Application.ResourceStateChanged -= OnChanged;
        }
    }

    public static string ConsoleText(this AppHostTestApplication app, string resource) =>
        string.Join('\n', app.Application.Logs.Get(resource).Select(l => l.Text));

    /// <summary>True while the pid names a live (non-zombie) process.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }
        }
        catch (ArgumentException)
        {
            return false;
        }

        // A killed child whose parent is gone may linger as a zombie until init reaps it; it is not running.
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        string text;
        try
        {
            text = File.ReadAllText(stat);
        }
        catch (IOException)
        {
            return false;
        }

        var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state is not ("Z" or "X");
    }
}
