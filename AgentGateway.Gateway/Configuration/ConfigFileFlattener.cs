using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentGateway.Configuration;

/// <summary>Turns a YAML or JSON document into IConfiguration keys (<c>Gateway:routes:0:name</c>).</summary>
internal static class ConfigFileFlattener
{
    public static Dictionary<string, string?> FlattenYaml(string text, string prefix)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ConfigFileFormatException(
                $"line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}");
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (stream.Documents.Count > 0)
        {
            var root = stream.Documents[0].RootNode;
            if (root is not YamlMappingNode)
            {
                throw new ConfigFileFormatException("the config file must be a mapping of keys (listeners, routes, llm, mcp, ...)");
            }

            Visit(root, prefix, data);
        }

        return data;
    }

    private static void Visit(YamlNode node, string path, Dictionary<string, string?> data)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    Visit(value, $"{path}:{((YamlScalarNode)key).Value}", data);
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Visit(seq.Children[i], $"{path}:{i.ToString(CultureInfo.InvariantCulture)}", data);
                }

                break;
            case YamlScalarNode scalar:
                // A plain "~"/"null" or an empty value is absent, like JSON null; a quoted "" stays an empty string.
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null";
                data[path] = isNull ? null : scalar.Value;
                break;
        }
    }

    public static Dictionary<string, string?> FlattenJson(string text, string prefix)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ConfigFileFormatException(
                $"line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigFileFormatException("the config file must be a JSON object");
            }

            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Visit(doc.RootElement, prefix, data);
            return data;
        }
    }

    private static void Visit(JsonElement element, string path, Dictionary<string, string?> data)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Visit(property.Value, $"{path}:{property.Name}", data);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, $"{path}:{(i++).ToString(CultureInfo.InvariantCulture)}", data);
                }

                break;
            case JsonValueKind.Null:
                data[path] = null;
                break;
            case JsonValueKind.String:
                data[path] = element.GetString();
                break;
            default:
                data[path] = element.GetRawText();
                break;
        }
    }
}
