namespace AgentGateway.Cedar.Schema;

/// <summary>
/// Parser for the human-readable schema format: namespaces, <c>entity</c> (with <c>in</c>, attributes,
/// <c>tags</c>, <c>enum</c>), <c>action</c> (with <c>in</c> and <c>appliesTo</c>) and common <c>type</c>s.
/// Declarations are collected first and names resolved afterwards, since a type may be used before it is declared.
/// </summary>
internal sealed class SchemaParser(string text) : TokenReader(text)
{
    private readonly Dictionary<string, (RawType Type, string Ns)> _commonTypes = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Ns, RawType? Attrs, RawType? Tags, List<string> MemberOf, List<string>? Enum)> _entities = [];
    private readonly List<(EntityUid Uid, string Ns, List<EntityUid> Parents, List<string> Principals, List<string> Resources, RawType? Context)> _actions = [];

    public CedarSchema Parse()
    {
        while (!AtEnd)
        {
            SkipAnnotations();
            if (AcceptIdent("namespace"))
            {
                var ns = ParsePath(ExpectIdent());
                Expect("{");
                while (!Accept("}"))
                {
                    SkipAnnotations();
                    ParseDeclaration(ns);
                }
            }
            else
            {
                ParseDeclaration("");
            }
        }

        return new SchemaResolver(_commonTypes, _entities, _actions).Resolve();
    }

    private void SkipAnnotations()
    {
        while (Accept("@"))
        {
            ExpectIdent();
            if (Accept("("))
            {
                ExpectString();
                Expect(")");
            }
        }
    }

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "::" + name;

    private void ParseDeclaration(string ns)
    {
        var t = Peek;
        if (AcceptIdent("entity"))
        {
            ParseEntity(ns);
        }
        else if (AcceptIdent("action"))
        {
            ParseAction(ns);
        }
        else if (AcceptIdent("type"))
        {
            var name = ExpectIdent();
            Expect("=");
            _commonTypes[Qualify(ns, name)] = (ParseType(), ns);
            Expect(";");
        }
        else
        {
            throw Error($"expected `entity`, `action`, `type` or `namespace`, found {Describe(t)}");
        }
    }

    private void ParseEntity(string ns)
    {
        var names = new List<string> { ExpectIdent() };
        while (Accept(","))
        {
            names.Add(ExpectIdent());
        }

        List<string>? enumIds = null;
        var memberOf = new List<string>();
        RawType? attrs = null;
        RawType? tags = null;
        if (AcceptIdent("enum"))
        {
            Expect("[");
            enumIds = [];
            while (!Accept("]"))
            {
                enumIds.Add(ExpectString());
                if (!Peek.Is("]"))
                {
                    Expect(",");
                }
            }
        }
        else
        {
            if (AcceptIdent("in"))
            {
                memberOf.AddRange(ParseTypeNames());
            }

            Accept("=");
            if (Peek.Is("{"))
            {
                attrs = ParseType();
            }

            if (AcceptIdent("tags"))
            {
                tags = ParseType();
            }
        }

        Expect(";");
        foreach (var name in names)
        {
            _entities.Add((Qualify(ns, name), ns, attrs, tags, memberOf, enumIds));
        }
    }

    private List<string> ParseTypeNames()
    {
        var names = new List<string>();
        if (Accept("["))
        {
            while (!Accept("]"))
            {
                names.Add(ParsePath(ExpectIdent()));
                if (!Peek.Is("]"))
                {
                    Expect(",");
                }
            }
        }
        else
        {
            names.Add(ParsePath(ExpectIdent()));
        }

        return names;
    }

    private void ParseAction(string ns)
    {
        var actionType = Qualify(ns, "Action");
        var names = new List<string> { ParseName() };
        while (Accept(","))
        {
            names.Add(ParseName());
        }

        var parents = new List<EntityUid>();
        if (AcceptIdent("in"))
        {
            if (Accept("["))
            {
                while (!Accept("]"))
                {
                    parents.Add(ParseActionRef(actionType));
                    if (!Peek.Is("]"))
                    {
                        Expect(",");
                    }
                }
            }
            else
            {
                parents.Add(ParseActionRef(actionType));
            }
        }

        List<string> principals = [];
        List<string> resources = [];
        RawType? context = null;
        if (AcceptIdent("appliesTo"))
        {
            Expect("{");
            while (!Accept("}"))
            {
                var key = ExpectIdent();
                Expect(":");
                switch (key)
                {
                    case "principal": principals = ParseTypeNames(); break;
                    case "resource": resources = ParseTypeNames(); break;
                    case "context": context = ParseType(); break;
                    default: throw Error($"unexpected `{key}` in appliesTo");
                }

                if (!Peek.Is("}"))
                {
                    Expect(",");
                }
            }
        }

        if (AcceptIdent("attributes"))
        {
            ParseType();
        }

        Expect(";");
        foreach (var name in names)
        {
            _actions.Add((new EntityUid(actionType, name), ns, parents, principals, resources, context));
        }
    }

    private string ParseName() => Peek.Kind == TokenKind.String ? ExpectString() : ExpectIdent();

    /// <summary>An action reference: <c>"name"</c> / <c>name</c> (same namespace) or <c>Path::"name"</c>.</summary>
    private EntityUid ParseActionRef(string actionType)
    {
        if (Peek.Kind == TokenKind.String)
        {
            return new EntityUid(actionType, ExpectString());
        }

        var path = ParsePath(ExpectIdent());
        if (Accept("::"))
        {
            // Like every type name in a namespace, an unqualified `Action` means this namespace's action type.
            var ns = actionType[..^"Action".Length];
            return new EntityUid(path.Contains("::", StringComparison.Ordinal) ? path : ns + path, ExpectString());
        }

        return new EntityUid(actionType, path);
    }

    private RawType ParseType()
    {
        if (Accept("{"))
        {
            var attrs = new List<(string, RawType, bool)>();
            while (!Accept("}"))
            {
                SkipAnnotations();
                var name = ParseName();
                var required = !Accept("?");
                Expect(":");
                attrs.Add((name, ParseType(), required));
                if (!Peek.Is("}"))
                {
                    Expect(",");
                }
            }

            return new RecordRawType(attrs);
        }

        var path = ParsePath(ExpectIdent());
        if (path == "Set" && Accept("<"))
        {
            var element = ParseType();
            Expect(">");
            return new SetRawType(element);
        }

        return new NamedRawType(path);
    }
}
