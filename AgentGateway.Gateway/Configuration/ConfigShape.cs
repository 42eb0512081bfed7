using System.Reflection;

namespace AgentGateway.Configuration;

/// <summary>
/// What the config records accept, read once by reflection: objects with known keys, maps, lists and
/// scalars. The shape checker and the JSON Schema generator both walk it, so they cannot drift apart.
/// </summary>
internal abstract record ConfigShape
{
    private static readonly Dictionary<Type, ConfigShape> Cache = [];
    private static readonly Lock CacheLock = new();

    public static ConfigShape Of(Type type)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(type, out var cached))
            {
                return cached;
            }

            type = Nullable.GetUnderlyingType(type) ?? type;
            if (ScalarShape.IsScalar(type))
            {
                return Cache[type] = new ScalarShape(type);
            }

            if (DictionaryValueType(type) is { } valueType)
            {
                return Cache[type] = new MapShape(new Lazy<ConfigShape>(() => Of(valueType)));
            }

            if (ListElementType(type) is { } elementType)
            {
                return Cache[type] = new ListShape(new Lazy<ConfigShape>(() => Of(elementType)));
            }

            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                .ToDictionary(KeyName, p => new Lazy<ConfigShape>(() => Of(p.PropertyType)), StringComparer.OrdinalIgnoreCase);
            var shape = new ObjectShape(type, properties);
            Cache[type] = shape;
            return shape;
        }
    }

    /// <summary>The documented key of a config property: its <see cref="ConfigKeyAttribute"/>, else the name in camelCase.</summary>
    public static string KeyName(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigKeyAttribute>()?.Name ?? CamelCase(property.Name);

    // A leading acronym is lowered as a whole, digits included: "A2A" → "a2a" (System.Text.Json would give
    // "a2A"), "A2ABackend" → "a2aBackend", "ApiKeys" → "apiKeys".
    private static string CamelCase(string name)
    {
        var end = 0;
        while (end < name.Length && (char.IsUpper(name[end]) || char.IsDigit(name[end])))
        {
            end++;
        }

        if (end > 1 && end < name.Length)
        {
            end--; // the acronym's last capital starts the next word
        }

        return name[..end].ToLowerInvariant() + name[end..];
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var k, var v] && k == typeof(string)
            && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            ? v : null;

    private static Type? ListElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var e]
            && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ? e : null;
}

/// <summary>A record with named keys.</summary>
internal sealed record ObjectShape(Type Type, IReadOnlyDictionary<string, Lazy<ConfigShape>> Properties) : ConfigShape;

/// <summary>A map from user-chosen names to values.</summary>
internal sealed record MapShape(Lazy<ConfigShape> Value) : ConfigShape;

/// <summary>A list.</summary>
internal sealed record ListShape(Lazy<ConfigShape> Element) : ConfigShape;

/// <summary>A string, number, boolean or enum.</summary>
internal sealed record ScalarShape(Type Type) : ConfigShape
{
    public static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long)
        || type == typeof(double) || type.IsEnum;
}
