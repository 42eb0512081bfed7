namespace AgentGateway.Cedar.Schema;

/// <summary>
/// Resolves type names in a parsed schema. An unqualified name in namespace N means, in order: common
/// type N::X, entity type N::X, common type X, entity type X, then a built-in (String, Long, Bool, ipaddr…).
/// </summary>
internal sealed class SchemaResolver(
    Dictionary<string, (RawType Type, string Ns)> commonTypes,
    List<(string Name, string Ns, RawType? Attrs, RawType? Tags, List<string> MemberOf, List<string>? Enum)> entities,
    List<(EntityUid Uid, string Ns, List<EntityUid> Parents, List<string> Principals, List<string> Resources, RawType? Context)> actions)
{
    private readonly HashSet<string> _entityNames = [.. entities.Select(e => e.Name)];

    public CedarSchema Resolve()
    {
        var entityTypes = new Dictionary<string, SchemaEntityType>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            var attrs = e.Attrs is null ? RecordSchemaType.Empty : AsRecord(Resolve(e.Attrs, e.Ns, 0));
            var tags = e.Tags is null ? null : Resolve(e.Tags, e.Ns, 0);
            entityTypes[e.Name] = new SchemaEntityType(e.Name, attrs, tags, [.. e.MemberOf.Select(m => EntityName(m, e.Ns))], e.Enum);
        }

        var actionMap = new Dictionary<EntityUid, SchemaAction>();
        foreach (var a in actions)
        {
            var context = a.Context is null ? RecordSchemaType.Empty : AsRecord(Resolve(a.Context, a.Ns, 0));
            actionMap[a.Uid] = new SchemaAction(
                a.Uid,
                a.Parents,
                [.. a.Principals.Select(p => EntityName(p, a.Ns))],
                [.. a.Resources.Select(r => EntityName(r, a.Ns))],
                context);
        }

        return new CedarSchema(entityTypes, actionMap);
    }

    private static RecordSchemaType AsRecord(SchemaType t) => t as RecordSchemaType ?? RecordSchemaType.Empty;

    private string EntityName(string name, string ns)
    {
        if (name.Contains("::", StringComparison.Ordinal) || ns.Length == 0)
        {
            return name;
        }

        var qualified = ns + "::" + name;
        return _entityNames.Contains(qualified) || !_entityNames.Contains(name) ? qualified : name;
    }

    private SchemaType Resolve(RawType raw, string ns, int depth)
    {
        if (depth > 64)
        {
            throw new CedarParseException("common types refer to each other in a cycle", 1, 1);
        }

        switch (raw)
        {
            case SetRawType s:
                return new SetSchemaType(Resolve(s.Element, ns, depth + 1));
            case RecordRawType r:
                var attrs = new Dictionary<string, RecordAttribute>(StringComparer.Ordinal);
                foreach (var (name, type, required) in r.Attributes)
                {
                    attrs[name] = new RecordAttribute(Resolve(type, ns, depth + 1), required);
                }

                return new RecordSchemaType(attrs);
            default:
                return ResolveName(((NamedRawType)raw).Path, ns, depth);
        }
    }

    private SchemaType ResolveName(string path, string ns, int depth)
    {
        if (path.StartsWith("__cedar::", StringComparison.Ordinal))
        {
            return (SchemaType?)Builtin(path["__cedar::".Length..]) ?? new EntitySchemaType(path);
        }

        var candidates = path.Contains("::", StringComparison.Ordinal) || ns.Length == 0
            ? [path]
            : new[] { ns + "::" + path, path };
        foreach (var name in candidates)
        {
            if (commonTypes.TryGetValue(name, out var common))
            {
                return Resolve(common.Type, common.Ns, depth + 1);
            }

            if (_entityNames.Contains(name))
            {
                return new EntitySchemaType(name);
            }
        }

        return (SchemaType?)Builtin(path) ?? new EntitySchemaType(path);
    }

    private static PrimitiveSchemaType? Builtin(string name) => name switch
    {
        "String" => new PrimitiveSchemaType(CedarType.String),
        "Long" => new PrimitiveSchemaType(CedarType.Long),
        "Bool" or "Boolean" => new PrimitiveSchemaType(CedarType.Bool),
        "ipaddr" => new PrimitiveSchemaType(CedarType.IpAddr),
        "decimal" => new PrimitiveSchemaType(CedarType.Decimal),
        "datetime" => new PrimitiveSchemaType(CedarType.Datetime),
        "duration" => new PrimitiveSchemaType(CedarType.Duration),
        _ => null,
    };
}
