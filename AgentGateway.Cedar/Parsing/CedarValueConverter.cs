using System.Collections;
using System.Text.Json;

namespace AgentGateway.Cedar.Parsing;

/// <summary>Maps .NET values onto Cedar values for the programmatic API.</summary>
internal static class CedarValueConverter
{
    public static CedarValue FromObject(object? value) => value switch
    {
        null => throw new ArgumentException("Cedar has no null value", nameof(value)),
        CedarValue v => v,
        string s => new CedarString(s),
        bool b => CedarBool.Of(b),
        long l => CedarLong.Of(l),
        int i => CedarLong.Of(i),
        short s16 => CedarLong.Of(s16),
        byte u8 => CedarLong.Of(u8),
        uint u32 => CedarLong.Of(u32),
        JsonElement e => CedarJson.ParseValue(e, null),
        IDictionary dict => FromDictionary(dict),
        IEnumerable list => new CedarSet(list.Cast<object?>().Select(FromObject)),
        _ => throw new ArgumentException($"cannot convert {value.GetType().Name} to a Cedar value", nameof(value)),
    };

    private static CedarRecord FromDictionary(IDictionary dict)
    {
        var attrs = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dict)
        {
            var key = entry.Key as string ?? throw new ArgumentException("record keys must be strings", nameof(dict));
            attrs[key] = FromObject(entry.Value);
        }

        return new CedarRecord(attrs);
    }
}
