namespace AgentGateway.Cedar.Parsing;

/// <summary>Recursive-descent parser for Cedar policy text (policy heads, annotations and clauses).</summary>
internal sealed class PolicyParser(string text) : TokenReader(text)
{
    public List<CedarPolicy> ParsePolicies()
    {
        var policies = new List<CedarPolicy>();
        while (!AtEnd)
        {
            policies.Add(ParsePolicy("policy" + policies.Count));
        }

        return policies;
    }

    private CedarPolicy ParsePolicy(string id)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        while (Accept("@"))
        {
            var at = Peek;
            var key = ExpectIdent();
            var value = "";
            if (Accept("("))
            {
                value = ExpectString();
                Expect(")");
            }

            if (!annotations.TryAdd(key, value))
            {
                throw Error($"duplicate annotation `@{key}`", at);
            }
        }

        var effectToken = Peek;
        var effect = AcceptIdent("permit") ? PolicyEffect.Permit
            : AcceptIdent("forbid") ? PolicyEffect.Forbid
            : throw Error($"expected `permit` or `forbid`, found {Describe(effectToken)}");
        Expect("(");
        ExpectIdent("principal");
        var principal = ParseEntityScope(allowIs: true);
        Expect(",");
        ExpectIdent("action");
        var action = ParseActionScope();
        Expect(",");
        ExpectIdent("resource");
        var resource = ParseEntityScope(allowIs: true);
        Expect(")");
        var conditions = new List<PolicyCondition>();
        while (Peek.IsIdent("when") || Peek.IsIdent("unless"))
        {
            var isWhen = Next().Text == "when";
            Expect("{");
            if (Peek.Is("}"))
            {
                throw Error("a condition cannot be empty");
            }

            var start = Peek;
            var body = new ExprParser(this).ParseExpr();
            if (ExprDepth.Of(body) > ExprDepth.Max)
            {
                throw Error($"expression is nested more than {ExprDepth.Max} levels deep", start);
            }

            Expect("}");
            conditions.Add(new PolicyCondition(isWhen, body));
        }

        Expect(";");
        return new CedarPolicy(id, effect, principal, action, resource, [.. conditions], annotations);
    }

    private ScopeConstraint ParseEntityScope(bool allowIs)
    {
        if (Accept("=="))
        {
            return new ScopeConstraint(ScopeKind.Eq, ParseEntityRef());
        }

        if (AcceptIdent("in"))
        {
            return new ScopeConstraint(ScopeKind.In, ParseEntityRef());
        }

        if (allowIs && AcceptIdent("is"))
        {
            var type = ParsePath(ExpectIdent());
            return AcceptIdent("in")
                ? new ScopeConstraint(ScopeKind.IsIn, ParseEntityRef(), type)
                : new ScopeConstraint(ScopeKind.Is, entityType: type);
        }

        return ScopeConstraint.Any;
    }

    private ScopeConstraint ParseActionScope()
    {
        if (Peek.IsIdent("in") && PeekAt(1).Is("["))
        {
            Next();
            Next();
            var uids = new List<EntityUid>();
            while (!Accept("]"))
            {
                uids.Add(ParseEntityRef());
                if (!Peek.Is("]"))
                {
                    Expect(",");
                }
            }

            return new ScopeConstraint(ScopeKind.InSet, uids: [.. uids]);
        }

        return ParseEntityScope(allowIs: false);
    }

    /// <summary>Parses <c>Path::"id"</c>.</summary>
    internal EntityUid ParseEntityRef()
    {
        if (Peek.Is("?"))
        {
            throw Error("policy templates (slots) are not supported");
        }

        var type = ParsePath(ExpectIdent());
        Expect("::");
        return new EntityUid(type, ExpectString());
    }
}
