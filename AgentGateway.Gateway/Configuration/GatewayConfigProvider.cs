using Microsoft.Extensions.Primitives;

namespace AgentGateway.Configuration;

/// <summary>
/// Holds the live config. Loads it once at startup (the host exits with code 2 when that fails) and then
/// on every change of the underlying configuration: valid versions are swapped in, invalid ones are
/// logged and ignored so the previous version keeps serving.
/// </summary>
internal sealed partial class GatewayConfigProvider : IGatewayConfigProvider, IDisposable
{
    private readonly GatewayConfigLoader _loader;
    private readonly ILogger<GatewayConfigProvider> _logger;
    private readonly ConfigFileLocation _location;
    private IDisposable? _subscription;
    private GatewayConfig? _current;

    public GatewayConfigProvider(GatewayConfigLoader loader, ConfigFileLocation location, ILogger<GatewayConfigProvider> logger)
    {
        _loader = loader;
        _location = location;
        _logger = logger;
    }

    public GatewayConfig Current => _current ?? throw new InvalidOperationException("The gateway configuration has not been loaded.");

    public string BaseDirectory => _location.BaseDirectory;

    public event Action<GatewayConfig>? Reloaded;

    /// <summary>The last load: the startup one, then each reload attempt, accepted or rejected with every error (the admin UI shows it).</summary>
    public ConfigLoadStatus? LastLoad { get; private set; }

    /// <summary>Loads the initial config and starts watching; returns the errors when it is invalid.</summary>
    public IReadOnlyList<ConfigError> Initialize(IConfiguration configuration)
    {
        var result = _loader.Load();
        if (result.Config is null)
        {
            return result.Errors;
        }

        _current = result.Config;
        LastLoad = new ConfigLoadStatus(DateTimeOffset.UtcNow, "startup", true, []);
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, () => Reload());
        return [];
    }

    /// <summary>Loads the config again now (the file watcher calls this; tests may too).</summary>
    public bool Reload()
    {
        ConfigLoadResult result;
        try
        {
            result = _loader.Load();
        }
#pragma warning disable CA1031 // A reload must never take the gateway down; the old config keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ReloadFailed(_logger, ex);
            LastLoad = new ConfigLoadStatus(DateTimeOffset.UtcNow, "reload", false, [new ConfigError("", ex.Message)]);
            return false;
        }

        if (result.Config is null)
        {
            foreach (var error in result.Errors)
            {
                Log.ReloadRejected(_logger, error.ToString());
            }

            LastLoad = new ConfigLoadStatus(DateTimeOffset.UtcNow, "reload", false, result.Errors);
            return false;
        }

        LastLoad = new ConfigLoadStatus(DateTimeOffset.UtcNow, "reload", true, []);
        if (result.Config == _current)
        {
            return true;
        }

        Interlocked.Exchange(ref _current, result.Config);
        Log.Reloaded(_logger, result.Config.Routes.Count);
        Reloaded?.Invoke(result.Config);
        return true;
    }

    public void Dispose() => _subscription?.Dispose();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Configuration reloaded: {RouteCount} routes")]
        public static partial void Reloaded(ILogger logger, int routeCount);

        [LoggerMessage(2, LogLevel.Error, "Configuration change rejected, the previous configuration keeps serving: {Error}")]
        public static partial void ReloadRejected(ILogger logger, string error);

        [LoggerMessage(3, LogLevel.Error, "Configuration reload failed, the previous configuration keeps serving")]
        public static partial void ReloadFailed(ILogger logger, Exception exception);
    }
}

/// <summary>One config load: when, startup or reload, whether it was swapped in, and the errors when it was not.</summary>
internal sealed record ConfigLoadStatus(DateTimeOffset Time, string Kind, bool Accepted, IReadOnlyList<ConfigError> Errors);
