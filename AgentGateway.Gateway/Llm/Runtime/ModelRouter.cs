using AgentGateway.Llm.Providers;
using AgentGateway.Llm.VirtualModels;

namespace AgentGateway.Llm.Runtime;

/// <summary>
/// Resolves a requested model (alias → name) to the providers that serve it, in failover order; a virtual model's
/// strategy puts its chosen target first and its other targets after it.
/// </summary>
internal sealed class ModelRouter(IReadOnlyList<LlmProvider> providers, IReadOnlyDictionary<string, string> aliases, IReadOnlyDictionary<string, VirtualModel>? virtualModels = null)
{
    private readonly Dictionary<string, string> _aliases = new(aliases, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, VirtualModel> _virtual = new(virtualModels ?? new Dictionary<string, VirtualModel>(), StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ModelCandidate> Resolve(string requested, bool embeddings = false)
    {
        var target = _aliases.TryGetValue(requested, out var aliased) ? aliased : requested;
        if (_virtual.TryGetValue(target, out var virtualModel))
        {
            return [.. virtualModel.Route(t => !embeddings || t.Provider.CanEmbed).Select(t => new ModelCandidate(t.Provider, t.Model, t))];
        }

        var list = new List<ModelCandidate>();
        foreach (var provider in providers)
        {
            if (provider.Serves(target) && (!embeddings || provider.CanEmbed))
            {
                list.Add(new ModelCandidate(provider, target));
            }
        }

        return list;
    }

    /// <summary>Concrete model names (wildcard patterns cannot be listed) and aliases, with their owner.</summary>
    public IReadOnlyList<(string Id, string OwnedBy)> ListModels()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<(string, string)>();
        foreach (var provider in providers)
        {
            foreach (var model in provider.Config.Models.Where(m => !ModelPattern.IsWildcard(m)))
            {
                if (seen.Add(model))
                {
                    list.Add((model, provider.Name));
                }
            }
        }

        foreach (var name in _virtual.Keys.Order(StringComparer.Ordinal))
        {
            if (seen.Add(name))
            {
                list.Add((name, "virtual"));
            }
        }

        foreach (var alias in _aliases.Keys.Order(StringComparer.Ordinal))
        {
            if (seen.Add(alias))
            {
                list.Add((alias, "alias"));
            }
        }

        return list;
    }
}
