using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGateway.Llm.Wire;

/// <summary>Typed reads from a request body that turn type mismatches into 400s naming the field.</summary>
internal static class JsonRead
{
    // A duplicated key is refused: the gateway and the provider could each read a different one of the two values
    // (a guard would check one while the other is sent on in passthrough).
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static JsonObject ParseObject(ReadOnlySpan<byte> body)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(body, documentOptions: Strict) as JsonObject
                ?? throw new LlmRequestException(400, "The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new LlmRequestException(400, "The request body is not valid JSON: " + ex.Message);
        }

        EnsureReadable(json);
        return json;
    }

    /// <summary>
    /// Reads every string once, so a value that cannot become a .NET string (an unpaired surrogate escape such as
    /// <c>"\ud800"</c>) is a 400 here rather than an exception wherever it is first read later.
    /// </summary>
    private static void EnsureReadable(JsonNode node)
    {
        try
        {
            Visit(node);
        }
        catch (InvalidOperationException)
        {
            throw new LlmRequestException(400, "The request body contains a string that is not valid Unicode (an unpaired surrogate).");
        }

        static void Visit(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        if (child is not null)
                        {
                            Visit(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            Visit(item);
                        }
                    }

                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    _ = value.GetValue<string>();
                    break;
            }
        }
    }

    public static string? String(JsonNode? node, string param) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => throw new LlmRequestException(400, $"'{param}' must be a string.", param),
    };

    public static string RequiredString(JsonObject obj, string name, string? param = null)
    {
        var value = String(obj[name], param ?? name);
        return string.IsNullOrEmpty(value)
            ? throw new LlmRequestException(400, $"Missing required parameter: '{param ?? name}'.", param ?? name, "missing_required_parameter")
            : value;
    }

    /// <summary>A required name that is not blank (Microsoft.Extensions.AI refuses whitespace tool names).</summary>
    public static string RequiredName(JsonObject obj, string name, string param)
    {
        var value = RequiredString(obj, name, param);
        return string.IsNullOrWhiteSpace(value)
            ? throw new LlmRequestException(400, $"'{param}' must not be blank.", param)
            : value;
    }

    public static bool Bool(JsonNode? node, string param) => node switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => false,
        _ => throw new LlmRequestException(400, $"'{param}' must be a boolean.", param),
    };

    public static double? Number(JsonNode? node, string param) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => throw new LlmRequestException(400, $"'{param}' must be a number.", param),
    };

    public static int? Int(JsonNode? node, string param) => Number(node, param) is { } d
        ? d == Math.Floor(d) && d is >= 0 and <= int.MaxValue ? (int)d : throw new LlmRequestException(400, $"'{param}' must be a non-negative integer.", param)
        : null;

    public static JsonArray RequiredArray(JsonObject obj, string name) => obj[name] switch
    {
        JsonArray { Count: > 0 } a => a,
        JsonArray => throw new LlmRequestException(400, $"'{name}' must be a non-empty array.", name),
        null => throw new LlmRequestException(400, $"Missing required parameter: '{name}'.", name, "missing_required_parameter"),
        _ => throw new LlmRequestException(400, $"'{name}' must be an array.", name),
    };

    public static JsonObject Object(JsonNode? node, string param) =>
        node as JsonObject ?? throw new LlmRequestException(400, $"'{param}' must be an object.", param);

    /// <summary>An object or nothing (absent or JSON null); anything else is a 400 rather than a failed member read.</summary>
    public static JsonObject? OptionalObject(JsonNode? node, string param) => node switch
    {
        null => null,
        JsonObject o => o,
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => throw new LlmRequestException(400, $"'{param}' must be an object.", param),
    };

    /// <summary>Parses a JSON object text (tool arguments) into a dictionary; invalid JSON keeps the raw text.</summary>
    public static Dictionary<string, object?> Arguments(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
            }
        }
        catch (JsonException)
        {
            // The model may emit broken JSON; the caller still deserves to see it.
        }

        return new Dictionary<string, object?> { ["_raw"] = json };
    }

    public static Dictionary<string, object?> Arguments(JsonNode? node) =>
        node is JsonObject o ? o.ToDictionary(p => p.Key, p => (object?)(p.Value is null ? null : JsonSerializer.SerializeToElement(p.Value, GatewayJson.Node))) : [];
}
