using YamlDotNet.RepresentationModel;

namespace AgentGateway.Tests.Deployment;

/// <summary>One Kubernetes object read from a manifest file.</summary>
internal sealed record KubeObject(string Kind, string Name, string Source, YamlMappingNode Root)
{
    public bool Is(string kind, string name) => Kind == kind && Name == name;

    /// <summary>The pod template of a Deployment or StatefulSet; null for other kinds.</summary>
    public YamlNode? PodTemplate => Kind is "Deployment" or "StatefulSet" ? Root.At("spec", "template") : null;

    public IReadOnlyDictionary<string, string> PodLabels => PodTemplate.StringMap("metadata", "labels");

    public IReadOnlyList<YamlNode> Containers => PodTemplate.Items("spec", "containers");

    public override string ToString() => $"{Kind}/{Name} ({System.IO.Path.GetFileName(Source)})";

    /// <summary>Reads every document of a (multi-document) YAML text; each must have kind and metadata.name.</summary>
    public static IReadOnlyList<KubeObject> Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        var objects = new List<KubeObject>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                throw new InvalidDataException($"{source}: a document is not a mapping");
            }

            var kind = root.Scalar("kind");
            var name = root.Scalar("metadata", "name");
            if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
            {
                throw new InvalidDataException($"{source}: a document has no kind or metadata.name");
            }

            objects.Add(new KubeObject(kind, name, source, root));
        }

        return objects;
    }

    public static IReadOnlyList<KubeObject> Load(string path) => Parse(File.ReadAllText(path), path);
}
