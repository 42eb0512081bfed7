using System.Text.Json;
using AgentGateway.Cedar;
using AgentGateway.Cedar.Parsing;

namespace AgentGateway.Benchmarks.Cedar;

/// <summary>Loads the shared benchmark files in <c>bench/cedar/</c> (found by walking up from the working directory or the binary).</summary>
internal sealed class CedarBenchData
{
    private CedarBenchData(CedarPolicySet policies, CedarEntities entities, CedarRequest request, string entitiesJson)
    {
        Policies = policies;
        Entities = entities;
        Request = request;
        EntitiesJson = entitiesJson;
    }

    /// <summary>The raw entity JSON, for the variant that parses it per decision (as the Wasm peer must).</summary>
    public string EntitiesJson { get; }

    public CedarPolicySet Policies { get; }

    public CedarEntities Entities { get; }

    public CedarRequest Request { get; }

    public static CedarBenchData Load()
    {
        var dir = FindDataDir();
        var policies = CedarPolicySet.Parse(File.ReadAllText(Path.Combine(dir, "policies.cedar")));
        var entitiesJson = File.ReadAllText(Path.Combine(dir, "entities.json"));
        var entities = CedarEntities.FromJson(entitiesJson);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "request.json")));
        var r = doc.RootElement;
        var action = CedarJson.ParseUid(r.GetProperty("action"));
        var request = new CedarRequest(
            CedarJson.ParseUid(r.GetProperty("principal")),
            action,
            CedarJson.ParseUid(r.GetProperty("resource")),
            CedarJson.ParseContext(r.GetProperty("context"), null, action));
        return new CedarBenchData(policies, entities, request, entitiesJson);
    }

    private static string FindDataDir()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "bench", "cedar");
                if (File.Exists(Path.Combine(candidate, "policies.cedar")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("bench/cedar/policies.cedar not found above the working directory");
    }
}
