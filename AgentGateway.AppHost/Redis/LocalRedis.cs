using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentGateway.AppHost.Redis;

/// <summary>
/// The local stack's Redis (DESIGN.md §7): Aspire's Redis container when a container runtime answers, otherwise
/// <c>redis-server</c> from PATH as an executable resource, otherwise none (one line says so and the gateway
/// uses its in-memory stores). Publishing always describes the container: that is what a deployment runs.
/// </summary>
public static partial class LocalRedis
{
    /// <summary>Adds Redis as <paramref name="mode"/> asks; null when there is none to add.</summary>
    public static IResourceBuilder<IResourceWithConnectionString>? Add(IDistributedApplicationBuilder builder, string name, RedisMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.ExecutionContext.IsRunMode)
        {
            return mode == RedisMode.None ? null : Container(builder, name);
        }

        var (chosen, reason) = Choose(builder, mode);
        Report(builder, name, chosen, reason);
        return chosen switch
        {
            RedisMode.Container => Container(builder, name),
            RedisMode.Executable => Executable(builder, name),
            _ => null,
        };
    }

    private static (RedisMode Mode, string Reason) Choose(IDistributedApplicationBuilder builder, RedisMode mode)
    {
        var redisServer = RedisServerPath(builder);
        switch (mode)
        {
            case RedisMode.Auto when ContainerRuntimeProbe.FindRunning(builder.Configuration) is { } runtime:
                return (RedisMode.Container, $"container runtime '{runtime}' answers");
            case RedisMode.Auto when redisServer is not null:
                return (RedisMode.Executable, $"no container runtime answers; using {redisServer}");
            case RedisMode.Auto:
                return (RedisMode.None, "no container runtime answers and redis-server is not on PATH");
            case RedisMode.Executable when redisServer is null:
                throw new InvalidOperationException("--redis executable: redis-server is not on PATH (apt-get install redis-server)");
            default:
                return (mode, $"--redis {mode.ToString().ToLowerInvariant()}");
        }
    }

    // No data volume: like the executable, a throwaway store that starts empty every run.
    private static IResourceBuilder<IResourceWithConnectionString> Container(IDistributedApplicationBuilder builder, string name) =>
        Typed(builder.AddRedis(name));

    private static IResourceBuilder<IResourceWithConnectionString> Executable(IDistributedApplicationBuilder builder, string name) =>
        Typed(builder.AddRedisServer(name, RedisServerPath(builder)!));

    private static string? RedisServerPath(IDistributedApplicationBuilder builder) =>
        ExecutableLocator.Find("redis-server", builder.Configuration["PATH"]);

    private static IResourceBuilder<IResourceWithConnectionString> Typed<T>(IResourceBuilder<T> redis) where T : IResourceWithConnectionString =>
        redis.ApplicationBuilder.CreateResourceBuilder<IResourceWithConnectionString>(redis.Resource);

    /// <summary>One line in the AppHost's log saying which Redis runs, or that none does, once logging is up.</summary>
    private static void Report(IDistributedApplicationBuilder builder, string name, RedisMode mode, string reason) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AgentGateway.AppHost.Redis");
            if (mode == RedisMode.None)
            {
                LogNoRedis(logger, reason);
            }
            else
            {
                LogRedis(logger, name, mode.ToString().ToLowerInvariant(), reason);
            }

            return Task.CompletedTask;
        });

    [LoggerMessage(1, LogLevel.Information, "Redis '{Name}' runs as {Mode} ({Reason}).")]
    private static partial void LogRedis(ILogger logger, string name, string mode, string reason);

    [LoggerMessage(2, LogLevel.Warning, "No Redis ({Reason}): the gateway uses in-memory session and rate-limit stores.")]
    private static partial void LogNoRedis(ILogger logger, string reason);
}
