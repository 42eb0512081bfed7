using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGateway.Configuration;

/// <summary>
/// Structural equality of config records. A record's generated equality compares its collections by reference, so two
/// loads of the same file are never equal; this compares property by property, lists in order and dictionaries by key.
/// Used once per reload to carry compiled parts over whose config did not change, never per request.
/// </summary>
public static class ConfigEquality
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> hold the same configuration.</summary>
    public static bool AreEqual(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.GetType() != b.GetType())
        {
            return false;
        }

        var type = a.GetType();
        if (a is string || type.IsPrimitive || type.IsEnum || a is decimal or Uri)
        {
            return a.Equals(b);
        }

        if (a is JsonNode nodeA)
        {
            return JsonNode.DeepEquals(nodeA, (JsonNode)b);
        }

        if (a is JsonElement elementA)
        {
            return JsonElement.DeepEquals(elementA, (JsonElement)b);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            return AreEqual(type.GetProperty("Key")!.GetValue(a), type.GetProperty("Key")!.GetValue(b))
                && AreEqual(type.GetProperty("Value")!.GetValue(a), type.GetProperty("Value")!.GetValue(b));
        }

        if (type.IsValueType)
        {
            return a.Equals(b);
        }

        if (a is IDictionary dictA && b is IDictionary dictB)
        {
            return DictionariesEqual(dictA, dictB);
        }

        if (a is IEnumerable sequenceA && b is IEnumerable sequenceB)
        {
            return SequencesEqual(sequenceA, sequenceB);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is not null
                && !AreEqual(property.GetValue(a), property.GetValue(b)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DictionariesEqual(IDictionary a, IDictionary b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (DictionaryEntry entry in a)
        {
            // The other dictionary's own comparer decides what "the same key" means (names are case-insensitive).
            if (!b.Contains(entry.Key) || !AreEqual(entry.Value, b[entry.Key]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SequencesEqual(IEnumerable a, IEnumerable b)
    {
        var left = a.GetEnumerator();
        var right = b.GetEnumerator();
        while (true)
        {
            var hasLeft = left.MoveNext();
            if (hasLeft != right.MoveNext())
            {
                return false;
            }

            if (!hasLeft)
            {
                return true;
            }

            if (!AreEqual(left.Current, right.Current))
            {
                return false;
            }
        }
    }
}
