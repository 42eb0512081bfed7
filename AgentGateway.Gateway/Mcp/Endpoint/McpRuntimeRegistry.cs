using AgentGateway.Configuration;
using AgentGateway.Mcp.Sessions;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>
/// One <see cref="McpBackendRuntime"/> per mcp backend, built on first use from the request's config snapshot and
/// rebuilt when that backend's config (or the sessions config) changes. A replaced runtime is disposed after a
/// grace period so requests in flight finish on the snapshot they started with; its sessions migrate to the new one.
/// </summary>
internal sealed class McpRuntimeRegistry(IServiceProvider services, IGatewayConfigProvider configProvider, McpSessionStoreSelector stores) : IAsyncDisposable
{
    private static readonly TimeSpan DisposeGrace = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (McpBackendConfig Config, SessionsConfig Sessions, Task<McpBackendRuntime> Runtime)> _runtimes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private bool _disposed;

    public Task<McpBackendRuntime> GetAsync(string backend, GatewayConfig snapshot)
    {
        var config = snapshot.Mcp[backend];
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_runtimes.TryGetValue(backend, out var existing))
            {
                if (ReferenceEquals(existing.Config, config) && ReferenceEquals(existing.Sessions, snapshot.Sessions))
                {
                    return existing.Runtime;
                }

                // A reload built new records: compare them by value once, then keep the new instances for the fast path.
                if (ConfigEquality.AreEqual(existing.Config, config) && ConfigEquality.AreEqual(existing.Sessions, snapshot.Sessions))
                {
                    _runtimes[backend] = (config, snapshot.Sessions, existing.Runtime);
                    return existing.Runtime;
                }
            }

            var runtime = CreateAsync(backend, config, snapshot.Sessions);
            _runtimes[backend] = (config, snapshot.Sessions, runtime);
            if (existing.Runtime is { } old)
            {
                _ = RetireAsync(old);
            }

            return runtime;
        }
    }

    /// <summary>The runtimes built so far (a backend gets one on its first request), by backend name.</summary>
    public IReadOnlyDictionary<string, McpBackendRuntime> Running()
    {
        lock (_lock)
        {
            return _runtimes.Where(static r => r.Value.Runtime.IsCompletedSuccessfully)
                .ToDictionary(static r => r.Key, static r => r.Value.Runtime.Result, StringComparer.Ordinal);
        }
    }

    private async Task<McpBackendRuntime> CreateAsync(string backend, McpBackendConfig config, SessionsConfig sessions)
    {
        var ttl = Duration.TryParse(sessions.Ttl, out var parsed) ? parsed : TimeSpan.FromMinutes(30);
        var runtime = new McpBackendRuntime(backend, config, ttl, configProvider.BaseDirectory, stores.Get(sessions.Store), stores.GetEventStreams(sessions.Store), services);
        await runtime.StartAsync(CancellationToken.None);
        return runtime;
    }

    private static async Task RetireAsync(Task<McpBackendRuntime> runtime)
    {
        await Task.Delay(DisposeGrace);
        await (await runtime).DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        List<Task<McpBackendRuntime>> runtimes;
        lock (_lock)
        {
            _disposed = true;
            runtimes = [.. _runtimes.Values.Select(static r => r.Runtime)];
            _runtimes.Clear();
        }

        foreach (var runtime in runtimes)
        {
            await (await runtime).DisposeAsync();
        }
    }
}
