using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace AgentGateway.AppHost.Redis;

/// <summary>
/// Whether the container runtime Aspire would use (ASPIRE_CONTAINER_RUNTIME, default docker) is installed and its
/// daemon answers: a container resource on a machine without one never starts, so the stack must choose first.
/// </summary>
internal static class ContainerRuntimeProbe
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    /// <summary>The runtime's name when <c>RUNTIME info</c> succeeds, otherwise null.</summary>
    public static string? FindRunning(IConfiguration configuration)
    {
        var runtime = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"] ?? "docker";
        if (ExecutableLocator.Find(runtime, configuration["PATH"]) is not { } path)
        {
            return null;
        }

        var info = new ProcessStartInfo(path, ["info", "--format", "{{.ID}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(info)!;
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(s_timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? runtime : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
