using System.Collections.Frozen;

namespace AgentGateway.Routing;

/// <summary>The registered <see cref="IBackendErrorWriter"/>s by route kind, looked up once per error.</summary>
internal sealed class BackendErrorWriters(IEnumerable<IBackendErrorWriter> writers)
{
    private readonly FrozenDictionary<string, IBackendErrorWriter> _byKind = writers.ToFrozenDictionary(static w => w.Kind, StringComparer.Ordinal);

    public IBackendErrorWriter? For(string kind) => _byKind.GetValueOrDefault(kind);
}
