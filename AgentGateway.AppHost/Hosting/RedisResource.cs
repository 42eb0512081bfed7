using System.Security.Cryptography;

namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// A throwaway Redis: the redis-server binary on a free port, a generated password and no
/// persistence. The config goes in on stdin so the password never shows in <c>ps</c>.
/// </summary>
public sealed class RedisResource : Resource
{
    public RedisResource(string name, string? serverPath) : base(name)
    {
        ServerPath = serverPath;
        IsAvailable = serverPath is not null;
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    }

    public override string Kind => "redis";
    public string? ServerPath { get; }
    public string Password { get; }

    /// <summary>StackExchange.Redis connection string, as Aspire injects it in ConnectionStrings__NAME.</summary>
    public string? ConnectionString =>
        GetEndpoint("tcp")?.AllocatedPort is int port ? $"127.0.0.1:{port},password={Password}" : null;

    internal override LaunchSpec CreateLaunchSpec(string appHostDirectory)
    {
        var port = GetEndpoint("tcp")?.AllocatedPort ?? throw new InvalidOperationException("Redis has no port.");
        var config = $"""
            port {port}
            bind 127.0.0.1
            requirepass {Password}
            save ""
            appendonly no
            """;
        // "-" makes redis-server read its config from stdin.
        return new LaunchSpec(ServerPath!, ["-"], Path.GetTempPath()) { StandardInput = config + "\n" };
    }
}
