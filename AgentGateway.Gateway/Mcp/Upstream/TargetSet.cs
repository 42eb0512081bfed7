using AgentGateway.Mcp.Sessions;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// The connections to every target of one backend, owned either by the backend (shared) or by one client
/// session (when the client can answer sampling/elicitation/roots, so server requests must reach it).
/// </summary>
internal sealed class TargetSet : IAsyncDisposable
{
    private readonly Dictionary<string, TargetConnection> _byName;

    /// <param name="sessions">
    /// Null for the backend's shared connections (they own their upstream sessions). For a client session's own
    /// connections: the upstream sessions to resume by target (may be empty); those are never ended by closing the
    /// connections, only by <see cref="UpstreamSessionCloser"/> when the client session ends.
    /// </param>
    public TargetSet(McpBackendConfig config, UpstreamTargetFactory factory, string baseDirectory, IUpstreamCallbacks callbacks, ILogger logger,
        IReadOnlyDictionary<string, UpstreamSessionState>? sessions = null)
    {
        var listCacheTtl = Configuration.Duration.TryParse(config.ListCacheTtl, out var ttl) && ttl > TimeSpan.Zero ? ttl : TimeSpan.FromMinutes(5);
        Connections = [.. config.Targets.Select(t => new TargetConnection(t, factory, baseDirectory, callbacks, logger, listCacheTtl,
            sessions?.GetValueOrDefault(t.Name), ownsSession: sessions is null))];
        _byName = Connections.ToDictionary(static c => c.Name, StringComparer.Ordinal);
        Names = [.. Connections.Select(static c => c.Name)];
        Prefixed = McpPrefixModes.UsesPrefix(config.Prefix, Connections.Count);
        foreach (var connection in Connections)
        {
            connection.StateChanged += c => StateChanged?.Invoke(c);
        }
    }

    public IReadOnlyList<TargetConnection> Connections { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether exposed names are <c>target_name</c>.</summary>
    public bool Prefixed { get; }

    public event Action<TargetConnection>? StateChanged;

    /// <summary>Connects every target in parallel; returns when each has had its first attempt.</summary>
    public Task StartAsync() => Task.WhenAll(Connections.Select(static c => c.StartAsync()));

    public TargetConnection? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The live upstream sessions by target (Streamable HTTP targets that are connected).</summary>
    public IReadOnlyDictionary<string, UpstreamSessionState> UpstreamSessions() =>
        Connections.Where(static c => c.Current?.Session is not null)
            .ToDictionary(static c => c.Name, static c => c.Current!.Session!, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Connections.Select(static c => c.DisposeAsync().AsTask()));
    }
}
