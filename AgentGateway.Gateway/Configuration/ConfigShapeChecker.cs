using System.Globalization;

namespace AgentGateway.Configuration;

/// <summary>
/// Checks flattened keys against the records before binding, so an unknown key or a value of the wrong
/// type is reported with its path (all of them), instead of the binder throwing at the first.
/// </summary>
internal static class ConfigShapeChecker
{
    /// <summary>Reports every key that does not fit the records and returns those keys, so the caller can leave them out.</summary>
    public static HashSet<string> Check(IEnumerable<KeyValuePair<string, string?>> pairs, ConfigShape root, ConfigValidationContext context)
    {
        var bad = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            var segments = key.Split(':');
            ConfigShape shape = root;
            for (var i = 0; i < segments.Length; i++)
            {
                var path = ConfigPath.Display(segments.AsSpan(0, i + 1));
                ConfigShape? next = shape switch
                {
                    ObjectShape o => o.Properties.TryGetValue(segments[i], out var p) ? p.Value : null,
                    MapShape m => m.Value.Value,
                    ListShape l => int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? l.Element.Value : null,
                    _ => null,
                };
                if (next is null)
                {
                    bad.Add(key);
                    if (reported.Add(path))
                    {
                        context.Error(path, shape is ListShape ? "expected a list" : shape is ScalarShape ? "expected a single value, not a section" : $"unknown key '{segments[i]}'");
                    }

                    break;
                }

                shape = next;
            }

            if (bad.Contains(key))
            {
                continue;
            }

            if (shape is ScalarShape scalar && value is not null && !IsValid(scalar.Type, value, out var expected))
            {
                bad.Add(key);
                context.Error(ConfigPath.Display(segments), $"'{value}' is not {expected}");
            }
            else if (shape is not ScalarShape && !string.IsNullOrEmpty(value))
            {
                bad.Add(key);
                context.Error(ConfigPath.Display(segments), shape is ListShape ? "expected a list" : "expected a section with keys, not a single value");
            }
        }

        return bad;
    }

    private static bool IsValid(Type type, string value, out string expected)
    {
        expected = type == typeof(bool) ? "true or false"
            : type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type))}"
            : type == typeof(string) ? "text" : "a number";
        return type == typeof(string)
            || (type == typeof(bool) && bool.TryParse(value, out _))
            || (type == typeof(int) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (type == typeof(long) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (type == typeof(double) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            || (type.IsEnum && Enum.TryParse(type, value, ignoreCase: true, out _));
    }
}
