using StackExchange.Redis;

namespace AgentGateway.Hosting;

/// <summary>
/// The one Redis connection of the process (connection string <c>redis</c>), opened lazily with short
/// timeouts so a dead Redis never makes a request hang, and reconnecting in the background by itself.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer?> _multiplexer;

    /// <summary>Creates the holder; nothing connects until first use.</summary>
    public RedisConnection(IConfiguration configuration)
    {
        ConnectionString = configuration.GetConnectionString("redis");
        _multiplexer = new Lazy<ConnectionMultiplexer?>(Connect);
    }

    /// <summary>The configured connection string, or null when Redis is not configured.</summary>
    public string? ConnectionString { get; }

    /// <summary>Whether a connection string is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>True once Redis answered at least once (readiness), even if it is down now.</summary>
    public bool WasEverConnected { get; private set; }

    /// <summary>The multiplexer, or null when Redis is not configured.</summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer.Value;

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

    private ConnectionMultiplexer? Connect()
    {
        if (!IsConfigured)
        {
            return null;
        }

        var options = ConfigurationOptions.Parse(ConnectionString!);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.ConnectRetry = 1;
        var mux = ConnectionMultiplexer.Connect(options);
        WasEverConnected |= mux.IsConnected;
        return mux;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value?.Dispose();
        }
    }
}
