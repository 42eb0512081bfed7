using System.Text.RegularExpressions;

namespace AgentGateway.Configuration;

/// <summary>Replaces <c>${NAME}</c> in config values with environment variables; <c>$${NAME}</c> keeps the text literally.</summary>
internal static partial class EnvironmentInterpolator
{
    [GeneratedRegex(@"\$?\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    public static string? Interpolate(string? value, string path, Func<string, string?> lookup, ConfigValidationContext context)
    {
        if (value is null || !value.Contains("${", StringComparison.Ordinal))
        {
            return value;
        }

        return Placeholder().Replace(value, match =>
        {
            if (match.Value.StartsWith("$$", StringComparison.Ordinal))
            {
                return match.Value[1..];
            }

            var name = match.Groups[1].Value;
            var resolved = lookup(name);
            if (resolved is null)
            {
                context.Error(path, $"environment variable '{name}' is not set");
                return "";
            }

            return resolved;
        });
    }
}
