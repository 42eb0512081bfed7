using AgentGateway.Llm.Providers;

namespace AgentGateway.Llm.Runtime;

/// <summary>Resolves a requested model (alias → name) to the providers that serve it, in failover order.</summary>
internal sealed class ModelRouter(IReadOnlyList<LlmProvider> providers, IReadOnlyDictionary<string, string> aliases)
{
    private readonly Dictionary<string, string> _aliases = new(aliases, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ModelCandidate> Resolve(string requested, bool embeddings = false)
    {
        var target = _aliases.TryGetValue(requested, out var aliased) ? aliased : requested;
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
