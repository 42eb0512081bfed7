using AgentGateway.Cedar;

namespace AgentGateway.Cedar.Tests.Evaluation;

/// <summary>Tricky corners of the language, each checked through a real authorization decision.</summary>
public sealed class CedarSemanticsTests
{
    private static readonly EntityUid Alice = new("User", "alice");
    private static readonly EntityUid Read = new("Action", "read");
    private static readonly EntityUid Doc = new("Doc", "d1");

    private static readonly CedarEntities Entities = new(
    [
        CedarEntity.Create(Alice, new Dictionary<string, object?> { ["level"] = 5L, ["name"] = "alice", ["addr"] = new Dictionary<string, object?> { ["city"] = "Oslo" } }, [new EntityUid("Group", "eng")], new Dictionary<string, object?> { ["team"] = "core" }),
        CedarEntity.Create(new EntityUid("Group", "eng"), parents: [new EntityUid("Group", "all")]),
        CedarEntity.Create(new EntityUid("Group", "all")),
    ]);

    private static CedarResponse Decide(string policies, IEnumerable<KeyValuePair<string, object?>>? context = null) =>
        Authorizer.IsAuthorized(
            new CedarRequest(Alice, Read, Doc, context is null ? null : CedarRequest.ContextFrom(context)),
            CedarPolicySet.Parse(policies),
            Entities);

    private static bool Holds(string condition) =>
        Decide($"permit(principal, action, resource) when {{ {condition} }};").IsAllowed;

    private static string ErrorOf(string condition) =>
        Assert.Single(Decide($"permit(principal, action, resource) when {{ {condition} }};").Errors).Message;

    [Fact]
    public void ForbidWinsOverPermit_AndReasonsAreTheForbids()
    {
        var r = Decide("permit(principal, action, resource); forbid(principal in Group::\"all\", action, resource); permit(principal, action, resource);");

        Assert.Equal(CedarDecision.Deny, r.Decision);
        Assert.Equal(["policy1"], r.Reasons);
    }

    [Fact]
    public void NoPolicies_DeniesByDefault()
    {
        var r = Decide("forbid(principal == User::\"bob\", action, resource);");

        Assert.Equal(CedarDecision.Deny, r.Decision);
        Assert.Empty(r.Reasons);
        Assert.Empty(r.Errors);
    }

    [Fact]
    public void ErroringForbid_IsSkippedAndReported()
    {
        var r = Decide("""
            forbid(principal, action, resource) when { principal.missing == 1 };
            permit(principal, action, resource);
            """);

        Assert.Equal(CedarDecision.Allow, r.Decision);
        Assert.Equal(["policy1"], r.Reasons);
        Assert.Equal("policy0", Assert.Single(r.Errors).PolicyId);
    }

    [Theory]
    [InlineData("false && (1 + true)", false)]
    [InlineData("true || principal.nope", true)]
    [InlineData("if false then 1 + \"a\" else true", true)]
    [InlineData("principal in Group::\"all\"", true)]
    [InlineData("principal in [Group::\"x\", Group::\"eng\"]", true)]
    [InlineData("Group::\"zzz\" in Group::\"zzz\"", true)]
    [InlineData("principal is User in Group::\"eng\"", true)]
    [InlineData("principal has addr.city && !(principal has addr.zip)", true)]
    [InlineData("(User::\"ghost\" has name) == false", true)]
    [InlineData("principal[\"name\"] like \"al*e\"", true)]
    [InlineData("\"a*b\" like \"a\\*b\" && !(\"axb\" like \"a\\*b\")", true)]
    [InlineData("\"\" like \"*\" && \"abc\" like \"*b*\" && !(\"abc\" like \"*d*\")", true)]
    [InlineData("[1, 2, 2] == [2, 1] && {a: 1, b: [true]} == {b: [true], a: 1}", true)]
    [InlineData("[1, [2]].contains([2]) && [1, 2].containsAll([2]) && [1].containsAny([3, 1]) && [].isEmpty()", true)]
    [InlineData("1 == \"1\"", false)]
    [InlineData("principal.hasTag(\"team\") && principal.getTag(\"team\") == \"core\"", true)]
    [InlineData("ip(\"10.1.2.3\").isInRange(ip(\"10.0.0.0/8\")) && ip(\"127.0.0.1\").isLoopback() && ip(\"::1\").isIpv6()", true)]
    [InlineData("ip(\"10.0.0.1/8\") == ip(\"10.0.0.0/8\")", false)]
    [InlineData("decimal(\"1.23\").lessThan(decimal(\"1.2301\")) && decimal(\"-0.5\") == decimal(\"-0.5000\")", true)]
    [InlineData("datetime(\"2024-01-01T01:00:00+0100\") == datetime(\"2024-01-01\") && duration(\"1h\") < duration(\"61m\")", true)]
    [InlineData("datetime(\"1969-12-31T23:00:00Z\").toTime() == duration(\"23h\") && datetime(\"2024-03-05T10:00:00Z\").toDate() == datetime(\"2024-03-05\")", true)]
    [InlineData("datetime(\"2024-01-02\").durationSince(datetime(\"2024-01-01\")).toHours() == 24", true)]
    public void Condition_EvaluatesAsCedarDefines(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition));
    }

    [Theory]
    [InlineData("9223372036854775807 + 1 == 0", "overflow")]
    [InlineData("-9223372036854775808 * -1 == 0", "overflow")]
    [InlineData("-(-9223372036854775807 - 1) == 0", "overflow")]
    [InlineData("1 < \"2\"", "type error")]
    [InlineData("true && 1", "type error")]
    [InlineData("User::\"ghost\".name == \"x\"", "does not exist")]
    [InlineData("principal.addr.zip == 1", "attribute `zip`")]
    [InlineData("principal.getTag(\"nope\") == 1", "tag `nope`")]
    [InlineData("principal in [1]", "type error")]
    [InlineData("decimal(\"1.23456\") == decimal(\"1.2\")", "decimal")]
    [InlineData("ip(\"::ffff:1.2.3.4\").isIpv4()", "IPv4 embedded")]
    [InlineData("datetime(\"2024-02-30\") == datetime(\"2024-02-01\")", "invalid date")]
    [InlineData("decimal(\"1.0\") < decimal(\"2.0\")", "cannot compare")]
    public void Condition_WithRuntimeError_IsReportedWithReason(string condition, string reason)
    {
        Assert.Contains(reason, ErrorOf(condition), StringComparison.Ordinal);
    }

    [Fact]
    public void Context_FromDotNetValues_IsVisibleToPolicies()
    {
        var r = Decide(
            "permit(principal, action == Action::\"read\", resource) when { context.tool == \"search\" && context.args.limit <= 10 && context.scopes.contains(\"read\") };",
            new Dictionary<string, object?> { ["tool"] = "search", ["args"] = new Dictionary<string, object?> { ["limit"] = 10 }, ["scopes"] = new[] { "read", "write" } });

        Assert.True(r.IsAllowed);
        Assert.Equal(["policy0"], r.Reasons);
    }
}
