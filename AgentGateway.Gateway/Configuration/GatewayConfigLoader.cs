using Microsoft.Extensions.Configuration;

namespace AgentGateway.Configuration;

/// <summary>
/// Reads the <c>Gateway</c> section (file + environment overrides), interpolates <c>${NAME}</c>, checks
/// the shape, binds the records and runs every validator. Never throws for bad config: it returns errors.
/// </summary>
internal sealed class GatewayConfigLoader(IConfiguration configuration, IEnumerable<IConfigValidator> validators, ConfigFileLocation location)
{
    /// <summary>Keys in the Gateway section that are not part of the file's contract.</summary>
    private static readonly HashSet<string> MetaKeys = new(StringComparer.OrdinalIgnoreCase) { "ConfigFile" };

    public ConfigLoadResult Load()
    {
        var context = new ConfigValidationContext(location.BaseDirectory);
        if (location.Path is { } file && !File.Exists(file))
        {
            context.Error(file, "config file not found");
            return new ConfigLoadResult(null, context.Errors);
        }

        if (configuration is IConfigurationRoot root
            && root.Providers.OfType<GatewayFileConfigurationProvider>().Select(p => p.LoadError).FirstOrDefault(e => e is not null) is { } parseError)
        {
            context.Error(parseError.Path, parseError.Message);
            return new ConfigLoadResult(null, context.Errors);
        }

        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in configuration.GetSection(GatewayFileConfigurationProvider.Section).AsEnumerable(makePathsRelative: true))
        {
            if (value is null || MetaKeys.Contains(key))
            {
                continue;
            }

            pairs.Add(new(key, EnvironmentInterpolator.Interpolate(value, ConfigPath.Display(key), Environment.GetEnvironmentVariable, context)));
        }

        // Keys that do not fit are reported and left out, so binding works and the validators can still
        // report everything else: one run shows every mistake in the file.
        var misfits = ConfigShapeChecker.Check(pairs, ConfigShape.Of(typeof(GatewayConfig)), context);
        pairs.RemoveAll(p => misfits.Contains(p.Key));

        var config = new ConfigurationBuilder().AddInMemoryCollection(pairs).Build().Get<GatewayConfig>() ?? new GatewayConfig();
        foreach (var validator in validators)
        {
            validator.Validate(config, context);
        }

        return new ConfigLoadResult(context.Errors.Count == 0 ? config : null, context.Errors);
    }
}

/// <summary>A loaded config, or the errors that prevented it.</summary>
internal sealed record ConfigLoadResult(GatewayConfig? Config, IReadOnlyList<ConfigError> Errors);

/// <summary>Where the config file is (null path: no file, configuration only from environment/arguments).</summary>
public sealed record ConfigFileLocation(string? Path)
{
    /// <summary>Directory relative paths in the config resolve against.</summary>
    public string BaseDirectory => Path is null ? Directory.GetCurrentDirectory() : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
}
