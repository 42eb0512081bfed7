using System.Diagnostics;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Hosting;

/// <summary>
/// What a started gateway holds before its first request (the idle-memory goal, bench/README.md): code for features the
/// config does not use is not loaded. Checked on a real gateway process, from the files it has mapped.
/// </summary>
public class IdleStartupTests
{
    private const string LlmOnly = """
        admin: { url: "" }
        routes: [{ name: llm, path: /v1, llm: models }]
        llm:
          models:
            providers:
              - { name: upstream, type: openai-compatible, baseUrl: "http://127.0.0.1:9/v1", apiKey: sk-upstream, models: ["*"] }
        """;

    [Fact]
    public async Task Startup_WithOnlyAnLlmRoute_LoadsNoRedisJwtOrDataProtectionKeyRingCode()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc/<pid>/maps");
        var config = Path.Combine(Directory.CreateTempSubdirectory("agw-idle-").FullName, "gateway.yaml");
        await File.WriteAllTextAsync(config, LlmOnly, TestContext.Current.CancellationToken);
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentGateway.Gateway.dll"));
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(config);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        try
        {
            _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            // "Application started" is logged once every hosted service has started (Kestrel listening is not enough:
            // hosted services registered after the server start after it).
            await WaitForStartedAsync(process.StandardOutput);
            _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);

            var mapped = await File.ReadAllTextAsync($"/proc/{process.Id}/maps", TestContext.Current.CancellationToken);

            Assert.Contains("AgentGateway.Gateway.dll", mapped, StringComparison.Ordinal);
            Assert.DoesNotContain("StackExchange.Redis.dll", mapped, StringComparison.Ordinal);
            Assert.DoesNotContain("Microsoft.IdentityModel.Tokens.dll", mapped, StringComparison.Ordinal);
            // The Data Protection key ring (XML documents, encryptors on OpenSSL) is read on first use, not at startup.
            Assert.DoesNotContain("System.Private.Xml.dll", mapped, StringComparison.Ordinal);
            Assert.DoesNotContain("libcrypto", mapped, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitForStartedAsync(StreamReader output)
    {
        while (await output.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail("the gateway exited during startup");
    }
}
