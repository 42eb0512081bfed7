using System.Diagnostics;
using System.Text.Json;

namespace AgentGateway.Tests.A2A;

/// <summary>Runs js/client.mjs (the @a2a-js/sdk client) and returns the JSON it prints.</summary>
internal static class NodeClient
{
    public static async Task<JsonElement> RunAsync(CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.JsFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("client.mjs");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("client.mjs did not finish: " + await stderr);
        }

        var output = (await stdout).Trim();
        var lastLine = output.Split('\n')[^1];
        var json = JsonDocument.Parse(lastLine).RootElement.Clone();
        Assert.False(json.TryGetProperty("error", out var error), "client.mjs failed: " + error + "\n" + await stderr);
        Assert.Equal(0, process.ExitCode);
        return json;
    }
}
