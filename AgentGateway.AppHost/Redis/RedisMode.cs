namespace AgentGateway.AppHost.Redis;

/// <summary>Where the local stack's Redis comes from (<c>--redis</c>).</summary>
public enum RedisMode
{
    /// <summary>A container when a container runtime answers, else <c>redis-server</c> from PATH, else none.</summary>
    Auto,

    /// <summary>Aspire's Redis container (<c>AddRedis</c>); needs Docker or Podman.</summary>
    Container,

    /// <summary>The <c>redis-server</c> binary from PATH as an executable resource (<see cref="RedisServerResource"/>).</summary>
    Executable,

    /// <summary>No Redis: the gateway uses its in-memory stores.</summary>
    None,
}
