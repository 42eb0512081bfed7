using YamlDotNet.RepresentationModel;

namespace AgentGateway.Tests.Deployment;

/// <summary>Null-tolerant navigation over YamlDotNet's representation model.</summary>
internal static class YamlNodeExtensions
{
    public static YamlNode? At(this YamlNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Scalar(this YamlNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is YamlScalarNode scalar ? scalar.Value : null;

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    public static IReadOnlyDictionary<string, string> StringMap(this YamlNode? node, params ReadOnlySpan<string> path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.At(path) is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode k && value is YamlScalarNode v && k.Value is not null)
                {
                    result[k.Value] = v.Value ?? "";
                }
            }
        }

        return result;
    }

    public static IEnumerable<string> Keys(this YamlNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is YamlMappingNode map
            ? map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "")
            : [];

    /// <summary>True when every label of <paramref name="selector"/> is among <paramref name="labels"/>.</summary>
    public static bool Selects(this IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
