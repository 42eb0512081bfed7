using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace AgentGateway.Redis;

/// <summary>
/// The one Redis connection of the process (connection string <c>redis</c>). In the gateway it is the
/// <see cref="IConnectionMultiplexer"/> that Aspire.StackExchange.Redis registers (<see cref="AddGatewayRedis"/>:
/// configuration, tracing, logging), resolved on first use, never at startup, with short timeouts so a dead
/// Redis never makes a request hang; the multiplexer reconnects in the background by itself.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    /// <summary>The connection name: <c>ConnectionStrings:redis</c>, <c>Aspire:StackExchange:Redis</c> settings.</summary>
    public const string Name = "redis";

    // Null when Redis is not configured. The multiplexer sits in a class of its own so that a gateway without Redis never
    // loads StackExchange.Redis: building this object must not name a StackExchange.Redis type (bench/README.md, memory).
    private readonly Connector? _connector;

    /// <summary>A connection of its own (tools and tests outside a host); nothing connects until first use.</summary>
    public RedisConnection(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ConnectionString = configuration.GetConnectionString(Name);
        _connector = IsConfigured ? Connector.Own(this) : null;
    }

    private RedisConnection(IConfiguration configuration, Func<IConnectionMultiplexer> connect)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ConnectionString = configuration.GetConnectionString(Name);
        _connector = IsConfigured ? new Connector(this, connect, ownsMultiplexer: false) : null;
    }

    /// <summary>The configured connection string, or null when Redis is not configured.</summary>
    public string? ConnectionString { get; }

    /// <summary>Whether a connection string is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>True once Redis answered at least once (readiness), even if it is down now.</summary>
    public bool WasEverConnected { get; private set; }

    /// <summary>The multiplexer, or null when Redis is not configured.</summary>
    public IConnectionMultiplexer? Multiplexer => _connector?.Multiplexer;

    /// <summary>
    /// Registers Redis for the gateway: when a connection string is configured, the Aspire client
    /// (<c>AddRedisClient</c>) without its own health check, since <c>/health</c> reports Redis as degraded, not
    /// down, during an outage (<see cref="RedisHealthCheck"/>), and without activation at startup, since the
    /// gateway starts and serves without Redis. Always the <see cref="RedisConnection"/> every store uses.
    /// </summary>
    public static void AddGatewayRedis(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(Name)))
        {
            builder.Services.AddSingleton(static sp => new RedisConnection(sp.GetRequiredService<IConfiguration>()));
            return;
        }

        AddRedisClient(builder);
    }

    // Separate so that the Aspire and StackExchange.Redis types it names are loaded only when Redis is configured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddRedisClient(IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(Name, static settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableAutoActivation = true;
        }, static options => ApplyDefaults(options));
        builder.Services.AddSingleton(static sp => new RedisConnection(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IConnectionMultiplexer>));
    }

    /// <summary>The gateway's connection behaviour, whatever the connection string says.</summary>
    private static ConfigurationOptions ApplyDefaults(ConfigurationOptions options)
    {
        // Keep retrying in the background instead of failing: Redis may come later than the gateway.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.ConnectRetry = 1;
        return options;
    }

    /// <summary>Pings Redis; false when it is not configured or unreachable.</summary>
    public async Task<bool> PingAsync()
    {
        if (Multiplexer is not { } mux || !mux.IsConnected)
        {
            return false;
        }

        try
        {
            await mux.GetDatabase().PingAsync();
            WasEverConnected = true;
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connector?.Dispose();

    /// <summary>The lazily connected multiplexer of a configured connection.</summary>
    private sealed class Connector : IDisposable
    {
        private readonly Lazy<IConnectionMultiplexer> _multiplexer;
        private readonly bool _ownsMultiplexer;

        public Connector(RedisConnection owner, Func<IConnectionMultiplexer> connect, bool ownsMultiplexer)
        {
            _ownsMultiplexer = ownsMultiplexer;
            _multiplexer = new Lazy<IConnectionMultiplexer>(() =>
            {
                var mux = connect();
                owner.WasEverConnected |= mux.IsConnected;
                return mux;
            });
        }

        /// <summary>A connection of the owner's own, made from its connection string.</summary>
        public static Connector Own(RedisConnection owner) => new(owner,
            () => ConnectionMultiplexer.Connect(ApplyDefaults(ConfigurationOptions.Parse(owner.ConnectionString!))), ownsMultiplexer: true);

        public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

        public void Dispose()
        {
            // The host's container disposes the multiplexer it created; only one made here is ours to close.
            if (_ownsMultiplexer && _multiplexer.IsValueCreated)
            {
                _multiplexer.Value.Dispose();
            }
        }
    }
}
