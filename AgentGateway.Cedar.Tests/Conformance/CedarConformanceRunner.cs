using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using AgentGateway.Cedar;
using AgentGateway.Cedar.Parsing;

namespace AgentGateway.Cedar.Tests.Conformance;

/// <summary>
/// Runs Cedar integration-test files (the upstream JSON format) against our engine: parses the schema,
/// entities (typed by the schema, plus the schema's action entities) and policies, then compares every
/// request's decision, reasons and erroring policy ids with the expected ones.
/// </summary>
internal static class CedarConformanceRunner
{
    /// <summary>
    /// The upstream Cedar integration tests vendored in this folder (<c>cedar-integration-tests/</c>, Apache-2.0),
    /// copied beside the test assembly by the project file so the run needs nothing outside the repository.
    /// </summary>
    public static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "Conformance", "cedar-integration-tests");

    /// <summary>Runs every test below <paramref name="root"/>; a <c>corpus-tests.tar.gz</c> there is unpacked to a temp folder and run too.</summary>
    public static ConformanceSummary RunFolder(string root)
    {
        var runs = new List<(string File, string BaseDir)>();
        runs.AddRange(TestFiles(root).Select(f => (f, root)));
        string? temp = null;
        var archive = Path.Combine(root, "corpus-tests.tar.gz");
        try
        {
            if (File.Exists(archive))
            {
                temp = Directory.CreateTempSubdirectory("cedar-corpus-").FullName;
                using (var gz = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
                {
                    TarFile.ExtractToDirectory(gz, temp, overwriteFiles: true);
                }

                runs.AddRange(TestFiles(temp).Select(f => (f, temp)));
            }

            var mismatches = new List<string>();
            int requests = 0, flags = 0;
            var flagMismatches = new List<string>();
            var cache = new Cache();
            foreach (var (file, baseDir) in runs)
            {
                requests += RunFile(file, baseDir, cache, mismatches, ref flags, flagMismatches);
            }

            return new ConformanceSummary(requests, mismatches, flags, flagMismatches);
        }
        finally
        {
            if (temp is not null)
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static IEnumerable<string> TestFiles(string root) =>
        Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".entities.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private sealed class Cache
    {
        public Dictionary<string, CedarSchema?> Schemas { get; } = [];

        public Dictionary<string, CedarPolicySet?> Policies { get; } = [];

        public Dictionary<string, CedarEntities> Entities { get; } = [];
    }

    private static int RunFile(string file, string baseDir, Cache cache, List<string> mismatches, ref int flags, List<string> flagMismatches)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            mismatches.Add($"{Path.GetRelativePath(baseDir, file)}: not valid JSON: {e.Message}");
            return 0;
        }

        using var _ = doc;
        var test = doc.RootElement;
        if (test.ValueKind != JsonValueKind.Object || !test.TryGetProperty("requests", out var requests))
        {
            return 0;
        }

        var name = Path.GetRelativePath(baseDir, file);
        CedarSchema? schema;
        CedarPolicySet policies;
        CedarEntities entities;
        try
        {
            schema = Load(cache.Schemas, baseDir, test, "schema", t => CedarSchema.Parse(t));
            policies = Load(cache.Policies, baseDir, test, "policies", CedarPolicySet.Parse)!;
            var entitiesPath = test.GetProperty("entities").GetString()!;
            var key = entitiesPath + "|" + test.GetProperty("schema").GetString();
            if (!cache.Entities.TryGetValue(key, out entities!))
            {
                entities = cache.Entities[key] = CedarEntities.FromJson(File.ReadAllText(Path.Combine(baseDir, entitiesPath)), schema);
            }
        }
        catch (Exception e) when (e is CedarParseException or CedarJsonException or IOException)
        {
            var count = requests.GetArrayLength();
            for (var i = 0; i < count; i++)
            {
                mismatches.Add($"{name}: could not load test: {e.Message}");
            }

            return count;
        }

        if (schema is not null && test.TryGetProperty("shouldValidate", out var shouldValidate))
        {
            flags++;
            var errors = new CedarValidator(schema).Validate(policies);
            if ((errors.Count == 0) != shouldValidate.GetBoolean())
            {
                flagMismatches.Add($"{name}: expected shouldValidate={shouldValidate.GetBoolean()}, validator said: {(errors.Count == 0 ? "valid" : string.Join("; ", errors))}");
            }
        }

        var n = 0;
        foreach (var request in requests.EnumerateArray())
        {
            n++;
            var label = $"{name} \"{(request.TryGetProperty("description", out var d) ? d.GetString() : $"request {n}")}\"";
            try
            {
                var action = CedarJson.ParseUid(request.GetProperty("action"));
                var context = request.TryGetProperty("context", out var ctx) ? CedarJson.ParseContext(ctx, schema, action) : null;
                var req = new CedarRequest(CedarJson.ParseUid(request.GetProperty("principal")), action, CedarJson.ParseUid(request.GetProperty("resource")), context);
                var response = Authorizer.IsAuthorized(req, policies, entities);
                var decision = request.GetProperty("decision").GetString() == "allow" ? CedarDecision.Allow : CedarDecision.Deny;
                var reasons = Ids(request, "reason");
                var errors = Ids(request, "errors");
                var gotErrors = response.Errors.Select(e => e.PolicyId).ToHashSet();
                if (response.Decision != decision || !reasons.SetEquals(response.Reasons) || !errors.SetEquals(gotErrors))
                {
                    mismatches.Add($"{label}: expected {decision} [{string.Join(",", reasons.Order())}] errors [{string.Join(",", errors.Order())}], " +
                                   $"got {response.Decision} [{string.Join(",", response.Reasons)}] errors [{string.Join("; ", response.Errors.Select(e => e.PolicyId + ": " + e.Message))}]");
                }
            }
            catch (Exception e) when (e is CedarJsonException or KeyNotFoundException or InvalidOperationException)
            {
                mismatches.Add($"{label}: {e.GetType().Name}: {e.Message}");
            }
        }

        return n;
    }

    private static HashSet<string> Ids(JsonElement request, string property) =>
        request.TryGetProperty(property, out var list)
            ? list.EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];

    private static T? Load<T>(Dictionary<string, T?> cache, string baseDir, JsonElement test, string property, Func<string, T> parse)
        where T : class
    {
        if (!test.TryGetProperty(property, out var p) || p.GetString() is not { Length: > 0 } path)
        {
            return null;
        }

        if (!cache.TryGetValue(path, out var value))
        {
            value = cache[path] = parse(File.ReadAllText(Path.Combine(baseDir, path)));
        }

        return value;
    }
}
