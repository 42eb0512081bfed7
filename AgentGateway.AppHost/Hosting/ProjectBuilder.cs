using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// Builds a project once with <c>dotnet build</c> and returns its TargetPath, so the child can be
/// started as <c>dotnet &lt;dll&gt;</c> (faster than <c>dotnet run</c>, and no extra SDK process stays
/// between us and the service). Results are cached per project for the life of the process, which
/// keeps repeated test apps from rebuilding.
/// </summary>
internal static class ProjectBuilder
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> s_builds = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim s_oneAtATime = new(1, 1);

    public static Task<string> BuildAsync(string projectPath, string configuration, CancellationToken ct) =>
        s_builds.GetOrAdd($"{projectPath}|{configuration}",
            _ => new Lazy<Task<string>>(() => RunBuildAsync(projectPath, configuration, ct))).Value;

    private static async Task<string> RunBuildAsync(string projectPath, string configuration, CancellationToken ct)
    {
        // Projects share ServiceDefaults; parallel builds of one output folder race, so build serially.
        await s_oneAtATime.WaitAsync(ct);
        try
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(projectPath)!,
            };
            foreach (var arg in new[] { "build", projectPath, "-c", configuration, "--nologo", "-v:q",
                         "-nodeReuse:false", "-t:Build", "-getProperty:TargetPath" })
            {
                info.ArgumentList.Add(arg);
            }

            // A test host launched by `dotnet test` carries MSBuild variables that would confuse a nested build.
            foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                info.Environment.Remove(key);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet build.");
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var output = (await stdout).Trim();
            var targetPath = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .LastOrDefault();
            if (process.ExitCode != 0 || targetPath is null || !File.Exists(targetPath))
            {
                var message = new StringBuilder()
                    .AppendLine($"dotnet build {projectPath} failed (exit {process.ExitCode}):")
                    .AppendLine(output)
                    .AppendLine(await stderr)
                    .ToString();
                throw new InvalidOperationException(message);
            }

            return targetPath;
        }
        finally
        {
            s_oneAtATime.Release();
        }
    }
}
