using Microsoft.Extensions.Configuration;

namespace AgentGateway.Configuration;

/// <summary>
/// Flattens the config file into <c>Gateway:...</c> keys. A file that does not parse keeps the previous
/// data (so a broken edit never empties the live config) and records the error for the loader to report.
/// </summary>
internal sealed class GatewayFileConfigurationProvider(GatewayFileConfigurationSource source) : FileConfigurationProvider(source)
{
    /// <summary>Root section the file is loaded under.</summary>
    public const string Section = "Gateway";

    /// <summary>The parse error of the last load, or null when it parsed.</summary>
    public ConfigError? LoadError { get; private set; }

    /// <inheritdoc />
    public override void Load(Stream stream)
    {
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var path = Source.Path ?? "";
        try
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ConfigFileFormatException("the config file is empty");
            }

            var data = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? ConfigFileFlattener.FlattenJson(text, Section)
                : ConfigFileFlattener.FlattenYaml(text, Section);
            Data = data;
            LoadError = null;
        }
        catch (ConfigFileFormatException ex)
        {
            LoadError = new ConfigError(path, ex.Message);
        }
    }
}
