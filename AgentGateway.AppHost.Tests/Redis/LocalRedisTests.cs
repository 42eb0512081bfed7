using System.Collections.Concurrent;
using AgentGateway.AppHost.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentGateway.AppHost.Tests.Redis;

/// <summary>Where the stack's Redis comes from when nobody says (<c>--redis auto</c>).</summary>
public sealed class LocalRedisTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<string> GatewayReferences(IDistributedApplicationTestingBuilder builder) =>
        builder.Resources.Single(static r => r.Name == "gateway").Annotations.OfType<ResourceRelationshipAnnotation>()
            .Where(static r => r.Type == "Reference").Select(static r => r.Resource.Name);

    [Fact]
    public async Task Auto_WithoutAContainerRuntime_RunsRedisServerFromPath()
    {
        Assert.True(File.Exists("/usr/bin/redis-server"), "redis-server is not installed (apt-get install -y redis-server)");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AgentGateway_AppHost>(
            ["--ASPIRE_CONTAINER_RUNTIME", "no-such-runtime", "--PATH", "/usr/bin"], Ct);

        Assert.IsType<RedisServerResource>(builder.Resources.Single(static r => r.Name == "redis"));
        Assert.Contains("redis", GatewayReferences(builder));
    }

    [Fact]
    public async Task Auto_WithNeitherAContainerRuntimeNorRedisServer_RunsNone_AndSaysSoInOneLine()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AgentGateway_AppHost>(["--PATH", "/nonexistent"], Ct);

        Assert.DoesNotContain(builder.Resources, static r => r.Name == "redis");
        Assert.DoesNotContain("redis", GatewayReferences(builder));

        // The line comes once the AppHost starts; nothing else has to run for it.
        foreach (var resource in builder.Resources.ToList())
        {
            builder.Resources.Remove(resource);
        }

        var logs = new RecordingLoggerProvider();
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        await using var app = await builder.BuildAsync(Ct);
        await app.StartAsync(Ct);

        var line = Assert.Single(logs.Entries, static e => e.Category.StartsWith("AgentGateway.AppHost.Redis", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("No Redis (no container runtime answers and redis-server is not on PATH): the gateway uses in-memory session and rate-limit stores.", line.Message);
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Recorder(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
