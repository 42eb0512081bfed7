namespace AgentGateway.AppHost.Redis;

/// <summary>
/// A throwaway Redis from the <c>redis-server</c> binary, for machines without a container runtime. It is a
/// connection-string resource like Aspire's Redis container, so <c>WithReference</c> injects the same
/// <c>ConnectionStrings__NAME</c> (<c>host:port,password=...</c>) and clients cannot tell the two apart.
/// </summary>
public sealed class RedisServerResource(string name, string command, ParameterResource password)
    : ExecutableResource(name, command, Path.GetTempPath()), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    /// <summary>The Redis port, proxied by DCP like every Aspire endpoint.</summary>
    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>The generated password (Redis refuses every command without it).</summary>
    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>StackExchange.Redis connection string, as Aspire's RedisResource writes it.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)},password={PasswordParameter}");
}
