using System.Text;
using System.Text.Json;
using AgentGateway.Telemetry.ConsoleOutput;
using AgentGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AgentGateway.Tests.Telemetry.ConsoleOutput;

/// <summary>
/// The gateway's console logger keeps the framework console logger's contract: its formatters and their options,
/// the "Console" provider's level filters, and the standard-error threshold.
/// </summary>
public class BatchedConsoleLoggerProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JsonFormatter_WhenConfigured_WritesTheAccessLineAsJson()
    {
        var lines = await AccessRunAsync(new Dictionary<string, string?> { ["Logging__Console__FormatterName"] = "json" });

        var access = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("Category").GetString() == "AgentGateway.AccessLog").ToList();
        Assert.Equal(5, access.Count);
        Assert.All(access, e => Assert.Equal("web", e.GetProperty("State").GetProperty("route").GetString()));
    }

    [Theory]
    [InlineData("Logging__Console__LogLevel__AgentGateway.AccessLog")]
    [InlineData("Logging__LogLevel__AgentGateway.AccessLog")]
    public async Task LevelFilters_ForTheConsoleProviderAndForAll_StillTurnTheAccessLineOff(string setting)
    {
        var lines = await AccessRunAsync(new Dictionary<string, string?> { [setting] = "Warning" });

        Assert.DoesNotContain(lines, l => l.Contains("AgentGateway.AccessLog", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Now listening on", StringComparison.Ordinal) || l.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
    }

    [Fact]
    public void LogToStandardErrorThreshold_SendsThoseLevelsToStandardError_AndTheRestToStandardOutput()
    {
        using var services = new ServiceCollection()
            .AddLogging(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Error))
            .BuildServiceProvider();
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        using (var provider = new BatchedConsoleLoggerProvider(
            services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), services.GetServices<ConsoleFormatter>(), stdout, stderr))
        {
            var logger = provider.CreateLogger("Probe");
            logger.Log(LogLevel.Information, default, "all is well", null, static (s, _) => s);
            logger.Log(LogLevel.Error, default, "something broke", null, static (s, _) => s);
        }

        var outText = Encoding.UTF8.GetString(stdout.ToArray());
        var errText = Encoding.UTF8.GetString(stderr.ToArray());
        Assert.Contains("all is well", outText, StringComparison.Ordinal);
        Assert.DoesNotContain("something broke", outText, StringComparison.Ordinal);
        Assert.Contains("fail: Probe[0]", errText, StringComparison.Ordinal);
        Assert.Contains("something broke", errText, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGateway_UsesItInPlaceOfTheFrameworkConsoleLogger()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Logging.UseBatchedConsole();
        using var app = builder.Build();

        var providers = app.Services.GetServices<ILoggerProvider>().Select(p => p.GetType()).ToList();

        Assert.Contains(typeof(BatchedConsoleLoggerProvider), providers);
        Assert.DoesNotContain(typeof(ConsoleLoggerProvider), providers);
    }

    // Five requests (the readiness probe and four more) through a gateway process with the given environment, then a clean stop: its standard output.
    private static async Task<string[]> AccessRunAsync(IReadOnlyDictionary<string, string?> environment)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "stops the gateway with SIGTERM");
        await using var echo = await EchoServer.StartAsync();
        await using var gateway = await GatewayChildProcess.StartInFrontOfAsync(echo, environment);
        for (var i = 0; i < 4; i++)
        {
            (await gateway.Client.GetAsync($"/api/n{i}", Ct)).EnsureSuccessStatusCode();
        }

        await gateway.TerminateAsync();
        return (await gateway.StandardOutput).Split('\n');
    }
}
