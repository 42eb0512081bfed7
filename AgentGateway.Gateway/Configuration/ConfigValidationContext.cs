namespace AgentGateway.Configuration;

/// <summary>Collects configuration errors, each with a path like <c>routes[2].mcp</c>.</summary>
public sealed class ConfigValidationContext(string baseDirectory)
{
    private readonly List<ConfigError> _errors = [];

    /// <summary>Directory of the config file; relative file paths in the config resolve against it.</summary>
    public string BaseDirectory { get; } = baseDirectory;

    /// <summary>Errors so far.</summary>
    public IReadOnlyList<ConfigError> Errors => _errors;

    /// <summary>Records an error at <paramref name="path"/>.</summary>
    public void Error(string path, string message) => _errors.Add(new ConfigError(path, message));

    /// <summary>Resolves a config-relative path to a full path.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, BaseDirectory);
}

/// <summary>One configuration error.</summary>
public sealed record ConfigError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Path) ? Message : $"{Path}: {Message}";
}
