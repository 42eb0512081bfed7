using YamlDotNet.RepresentationModel;

namespace AgentGateway.Tests.Deployment;

/// <summary>
/// The subset of a kustomization.yaml these tests need: resources (files or other kustomizations)
/// and patch files. Strategic-merge patches are not applied (kubectl kustomize in
/// .ci/checks.d/60-deploy.sh does that); only <c>$patch: delete</c> is honoured, because it decides
/// which objects exist.
/// </summary>
internal sealed class Kustomization
{
    private Kustomization(string directory, IReadOnlyList<string> resources, IReadOnlyList<string> patches)
    {
        Directory = directory;
        Resources = resources;
        Patches = patches;
    }

    public string Directory { get; }

    /// <summary>Resource entries, as full paths.</summary>
    public IReadOnlyList<string> Resources { get; }

    /// <summary>Patch files, as full paths.</summary>
    public IReadOnlyList<string> Patches { get; }

    public static Kustomization Load(string directory)
    {
        var file = Path.Combine(directory, "kustomization.yaml");
        var stream = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            stream.Load(reader);
        }

        var root = stream.Documents.Single().RootNode;
        var resources = root.Items("resources").OfType<YamlScalarNode>()
            .Select(r => Path.GetFullPath(Path.Combine(directory, r.Value!))).ToList();
        var patches = root.Items("patches").Select(p => p.Scalar("path")).OfType<string>()
            .Select(p => Path.GetFullPath(Path.Combine(directory, p))).ToList();
        return new Kustomization(directory, resources, patches);
    }

    /// <summary>Resource and patch entries that name nothing on disk.</summary>
    public IEnumerable<string> MissingEntries() =>
        Resources.Where(r => !File.Exists(r) && !File.Exists(Path.Combine(r, "kustomization.yaml")))
            .Concat(Patches.Where(p => !File.Exists(p)));

    /// <summary>Every manifest file this kustomization (and the ones it includes) reads.</summary>
    public IEnumerable<string> Files()
    {
        yield return Path.Combine(Directory, "kustomization.yaml");
        foreach (var resource in Resources)
        {
            if (File.Exists(resource))
            {
                yield return resource;
            }
            else
            {
                foreach (var file in Load(resource).Files())
                {
                    yield return file;
                }
            }
        }

        foreach (var patch in Patches)
        {
            yield return patch;
        }
    }

    /// <summary>The objects this kustomization produces, before strategic-merge patches.</summary>
    public IReadOnlyList<KubeObject> Objects()
    {
        var objects = new List<KubeObject>();
        foreach (var resource in Resources)
        {
            objects.AddRange(File.Exists(resource) ? KubeObject.Load(resource) : Load(resource).Objects());
        }

        foreach (var patch in PatchObjects().Where(p => p.Root.Scalar("$patch") == "delete"))
        {
            objects.RemoveAll(o => o.Is(patch.Kind, patch.Name));
        }

        return objects;
    }

    public IReadOnlyList<KubeObject> PatchObjects() => Patches.SelectMany(KubeObject.Load).ToList();
}
