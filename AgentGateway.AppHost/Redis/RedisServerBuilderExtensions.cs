using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGateway.AppHost.Redis;

/// <summary><c>AddRedisServer</c>: Redis as an executable resource (see <see cref="RedisServerResource"/>).</summary>
public static class RedisServerBuilderExtensions
{
    /// <summary>
    /// Runs <paramref name="command"/> (a redis-server binary) on a DCP-allocated port bound to loopback, with a
    /// generated password, no persistence, and a health check that PINGs with the password. Run mode only: the
    /// resource is left out of published manifests, where Aspire's Redis container stands instead.
    /// </summary>
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder,
        [ResourceName] string name, string command)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(command);

        // A new password every run: the server keeps nothing, so nothing needs to outlive the run.
        var password = builder.AddParameter($"{name}-password", static () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), secret: true)
            .ExcludeFromManifest();
        var redis = new RedisServerResource(name, command, password.Resource);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, ct) =>
            connectionString = await redis.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"'{name}' has no connection string yet"), name: healthCheck);

        // The password must not show in `ps`, DCP's logs or the dashboard's argument list, so it goes in a config
        // file only this user can read. It is written just before each start (a restart from the dashboard
        // included) and removed once the server is ready: redis-server reads it only at startup.
        var configFile = Path.Combine(Directory.CreateTempSubdirectory("agentgateway-redis-").FullName, "redis.conf");
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(redis, async (_, ct) =>
            await WriteConfigAsync(configFile, await password.Resource.GetValueAsync(ct) ?? "", ct));
        builder.Eventing.Subscribe<ResourceReadyEvent>(redis, (_, _) =>
        {
            File.Delete(configFile);
            return Task.CompletedTask;
        });

        return builder.AddResource(redis)
            .WithEndpoint(name: RedisServerResource.PrimaryEndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add(configFile);
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                foreach (var arg in (string[])["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
                {
                    context.Args.Add(arg);
                }
            })
            .WithHealthCheck(healthCheck)
            .ExcludeFromManifest();
    }

    private static async Task WriteConfigAsync(string path, string password, CancellationToken ct)
    {
        // redis.conf quoting: a double-quoted string with backslash escapes.
        var quoted = password.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await file.WriteAsync(Encoding.UTF8.GetBytes($"requirepass \"{quoted}\"\n"), ct);
    }
}
