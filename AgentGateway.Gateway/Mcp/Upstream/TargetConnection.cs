using AgentGateway.Mcp.Sessions;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// Keeps one target connected: connects, watches for the connection dying, and reconnects with exponential
/// backoff. While it is down, <see cref="Current"/> is null and calls fail with an error naming the target.
/// </summary>
internal sealed class TargetConnection : IAsyncDisposable
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private const long LivenessIntervalMs = 5_000;
    private static readonly TimeSpan LivenessTimeout = TimeSpan.FromSeconds(10);

    private readonly UpstreamTargetFactory _factory;
    private readonly string _baseDirectory;
    private readonly IUpstreamCallbacks _callbacks;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _ownsSession;
    private UpstreamSessionState? _resume;
    private Task? _loop;
    private volatile IUpstreamTarget? _current;
    private long _lastLivenessCheck;

    /// <param name="resume">An upstream session to resume on the first attempt (reconnects always open a new one).</param>
    /// <param name="ownsSession">Whether closing this connection ends its upstream session (see <see cref="UpstreamSessionCloser"/>).</param>
    /// <param name="listCacheTtl">How long the target's lists are cached without a list change (see <see cref="UpstreamListCache"/>).</param>
    public TargetConnection(McpTargetConfig config, UpstreamTargetFactory factory, string baseDirectory, IUpstreamCallbacks callbacks, ILogger logger,
        TimeSpan listCacheTtl, UpstreamSessionState? resume = null, bool ownsSession = true)
    {
        Config = config;
        Lists = new UpstreamListCache(listCacheTtl, factory.Time);
        _factory = factory;
        _baseDirectory = baseDirectory;
        _callbacks = callbacks;
        _logger = logger;
        _resume = resume;
        _ownsSession = ownsSession;
    }

    public McpTargetConfig Config { get; }

    public string Name => Config.Name;

    public IUpstreamTarget? Current => _current;

    /// <summary>The target's lists, cached per connection (a reconnect starts afresh) and refreshed on its list changes.</summary>
    public UpstreamListCache Lists { get; }

    /// <summary>Raised when the target comes up or goes down (the owner re-emits list_changed).</summary>
    public event Action<TargetConnection>? StateChanged;

    /// <summary>Starts the connect loop; the returned task completes after the first attempt (success or not).</summary>
    public Task StartAsync()
    {
        _loop ??= Task.Run(() => RunAsync(_stopping.Token));
        return _firstAttempt.Task;
    }

    public IUpstreamTarget GetOrThrow() => _current ?? throw UpstreamErrors.Unavailable(Name);

    public TargetStatus Describe() => TargetStatus.Of(Config, _current);

    /// <summary>
    /// Lists served from <see cref="Lists"/> never reach the target, so they cannot notice it died (a Streamable HTTP
    /// target that went away leaves no open request behind to fail). Called when a cached list is used: pings the
    /// target at most every few seconds, in the background; a failed ping marks the connection broken, it drops out
    /// of lists and the connect loop takes over.
    /// </summary>
    public void CheckAlive()
    {
        var now = Environment.TickCount64;
        var last = Volatile.Read(ref _lastLivenessCheck);
        if (now - last < LivenessIntervalMs || _current is not { } target || Interlocked.CompareExchange(ref _lastLivenessCheck, now, last) != last)
        {
            return;
        }

        _ = PingAsync(target);
    }

    private static async Task PingAsync(IUpstreamTarget target)
    {
        try
        {
            using var timeout = new CancellationTokenSource(LivenessTimeout);
            await target.PingAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A dead connection was marked broken by the failed ping (logged when the connect loop sees it end);
            // a slow or refused ping is not evidence enough to drop a live one.
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var backoff = MinBackoff;
        while (!stopping.IsCancellationRequested)
        {
            IUpstreamTarget? target = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(UpstreamTargetFactory.ConnectTimeout);
                var resume = Interlocked.Exchange(ref _resume, null);
                target = await _factory.ConnectAsync(Config, _baseDirectory, _callbacks, Lists, resume, _ownsSession, timeout.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                // Shutting down: whatever the half-open connection threw (cancellation, disposed services) is moot.
                break;
            }
            catch (Exception ex)
            {
                Log.TargetConnectFailed(_logger, Name, backoff.TotalMilliseconds, ex.GetType().Name, ex.Message);
            }

            if (target is null)
            {
                _firstAttempt.TrySetResult();
                await DelayAsync(backoff, stopping);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }

            backoff = MinBackoff;
            Volatile.Write(ref _lastLivenessCheck, Environment.TickCount64);
            _current = target;
            Log.TargetConnected(_logger, Name, target.ProtocolVersion ?? "n/a (OpenAPI)");
            StateChanged?.Invoke(this); // before the first attempt completes, so owners see the state first
            _firstAttempt.TrySetResult();

            await Task.WhenAny(target.Completion, Task.Delay(Timeout.Infinite, stopping));
            _current = null;
            await target.DisposeAsync();
            if (!stopping.IsCancellationRequested)
            {
                Log.TargetDisconnected(_logger, Name);
                StateChanged?.Invoke(this);
                await DelayAsync(MinBackoff, stopping);
            }
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        if (_current is { } current)
        {
            _current = null;
            await current.DisposeAsync();
        }

        _firstAttempt.TrySetResult();
        _stopping.Dispose();
    }
}
