using System.Text.Json;

namespace AgentGateway.Cedar.Parsing;

/// <summary>
/// Cedar's JSON formats: entity uids (<c>{"type","id"}</c> or <c>{"__entity":{...}}</c>), values with the
/// <c>__entity</c>/<c>__extn</c> escapes, entity lists and request context. When a schema type is known,
/// the implicit forms are accepted too (a string for an extension type, <c>{"type","id"}</c> for an entity).
/// </summary>
internal static class CedarJson
{
    public static CedarEntities ParseEntities(string json, CedarSchema? schema)
    {
        using var doc = Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new CedarJsonException("entities JSON must be an array");
        }

        var list = new List<CedarEntity>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            list.Add(ParseEntity(item, schema));
        }

        if (schema is not null)
        {
            list.AddRange(schema.ActionEntities());
        }

        return new CedarEntities(list);
    }

    public static CedarEntity ParseEntity(JsonElement item, CedarSchema? schema)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("uid", out var uidElement))
        {
            throw new CedarJsonException("each entity must be an object with a `uid`");
        }

        var uid = ParseUid(uidElement);
        SchemaEntityType? type = null;
        schema?.EntityTypes.TryGetValue(uid.EntityType, out type);
        var attrs = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        if (item.TryGetProperty("attrs", out var attrsElement) && attrsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in attrsElement.EnumerateObject())
            {
                attrs[p.Name] = ParseValue(p.Value, type?.Attributes.Attributes.GetValueOrDefault(p.Name)?.Type);
            }
        }

        var parents = new List<EntityUid>();
        if (item.TryGetProperty("parents", out var parentsElement) && parentsElement.ValueKind == JsonValueKind.Array)
        {
            parents.AddRange(parentsElement.EnumerateArray().Select(ParseUid));
        }

        Dictionary<string, CedarValue>? tags = null;
        if (item.TryGetProperty("tags", out var tagsElement) && tagsElement.ValueKind == JsonValueKind.Object)
        {
            tags = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
            foreach (var p in tagsElement.EnumerateObject())
            {
                tags[p.Name] = ParseValue(p.Value, type?.Tags);
            }
        }

        return new CedarEntity(uid, attrs, parents, tags);
    }

    public static EntityUid ParseUid(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("__entity", out var inner))
        {
            e = inner;
        }

        if (e.ValueKind == JsonValueKind.Object &&
            e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String &&
            e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return new EntityUid(type.GetString()!, id.GetString()!);
        }

        throw new CedarJsonException("expected an entity uid `{\"type\": ..., \"id\": ...}`");
    }

    /// <summary>Reads a request context object, typed by the action's declared context when a schema is given.</summary>
    public static CedarRecord ParseContext(JsonElement e, CedarSchema? schema, EntityUid action)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new CedarJsonException("context must be a JSON object");
        }

        SchemaAction? declared = null;
        schema?.Actions.TryGetValue(action, out declared);
        return (CedarRecord)ParseValue(e, declared?.Context);
    }

    public static CedarRecord ParseContext(string json, CedarSchema? schema, EntityUid action)
    {
        using var doc = Parse(json);
        return ParseContext(doc.RootElement, schema, action);
    }

    public static CedarValue ParseValue(JsonElement e, SchemaType? expected)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.True:
                return CedarBool.True;
            case JsonValueKind.False:
                return CedarBool.False;
            case JsonValueKind.Number:
                return e.TryGetInt64(out var n) ? CedarLong.Of(n) : throw new CedarJsonException($"`{e.GetRawText()}` is not a 64-bit integer");
            case JsonValueKind.String:
                var s = e.GetString()!;
                return expected is PrimitiveSchemaType { Kind: CedarType.IpAddr or CedarType.Decimal or CedarType.Datetime or CedarType.Duration } ext
                    ? Construct(ExtensionName(ext.Kind), s)
                    : new CedarString(s);
            case JsonValueKind.Array:
                var element = (expected as SetSchemaType)?.Element;
                return new CedarSet(e.EnumerateArray().Select(x => ParseValue(x, element)).ToList());
            case JsonValueKind.Object:
                return ParseObject(e, expected);
            default:
                throw new CedarJsonException($"unsupported JSON value `{e.GetRawText()}`");
        }
    }

    private static CedarValue ParseObject(JsonElement e, SchemaType? expected)
    {
        if (e.TryGetProperty("__entity", out _))
        {
            return ParseUid(e);
        }

        if (e.TryGetProperty("__extn", out var extn))
        {
            if (extn.TryGetProperty("fn", out var fn) && extn.TryGetProperty("arg", out var arg) && arg.ValueKind == JsonValueKind.String)
            {
                return Construct(fn.GetString() ?? "", arg.GetString()!);
            }

            // The canonical form of some values is a call with several arguments, e.g. offset(datetime, duration).
            if (extn.TryGetProperty("fn", out var fn2) && extn.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array)
            {
                var values = args.EnumerateArray().Select(a => ParseValue(a, null)).ToArray();
                try
                {
                    return CedarExtensions.Call(fn2.GetString() ?? "", values);
                }
                catch (CedarEvaluationException ex)
                {
                    throw new CedarJsonException(ex.Message, ex);
                }
            }

            throw new CedarJsonException("`__extn` needs `fn` and a string `arg`");
        }

        if (expected is EntitySchemaType)
        {
            return ParseUid(e);
        }

        var recordType = expected as RecordSchemaType;
        var attrs = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            attrs[p.Name] = ParseValue(p.Value, recordType?.Attributes.GetValueOrDefault(p.Name)?.Type);
        }

        return new CedarRecord(attrs);
    }

    private static string ExtensionName(CedarType kind) => kind switch
    {
        CedarType.IpAddr => "ip",
        CedarType.Decimal => "decimal",
        CedarType.Datetime => "datetime",
        _ => "duration",
    };

    private static CedarValue Construct(string fn, string arg)
    {
        try
        {
            return CedarExtensions.Construct(fn, arg);
        }
        catch (CedarEvaluationException e)
        {
            throw new CedarJsonException(e.Message, e);
        }
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CedarJsonException("invalid JSON: " + e.Message, e);
        }
    }
}
