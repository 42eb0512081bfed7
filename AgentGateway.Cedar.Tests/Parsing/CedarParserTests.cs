using AgentGateway.Cedar;
using AgentGateway.Cedar.Evaluation;
using AgentGateway.Cedar.Schema;

namespace AgentGateway.Cedar.Tests.Parsing;

public sealed class CedarParserTests
{
    [Theory]
    [InlineData("permit(principal, action, resource)", 1, 36)]
    [InlineData("permit(principal, action, resource);\nforbid(principal, action resource);", 2, 26)]
    [InlineData("permit(principal == User::\"a\", action, resource)\nwhen { 1 + };", 2, 12)]
    [InlineData("permit(principal, action, resource) when { context.x like 3 };", 1, 59)]
    [InlineData("permit(principal, action, resource) when { foo(1) };", 1, 44)]
    [InlineData("allow(principal, action, resource);", 1, 1)]
    [InlineData("permit(principal, action, resource) when { \"unterminated };", 1, 44)]
    [InlineData("permit(principal, action, resource) when { 9223372036854775808 == 1 };", 1, 44)]
    [InlineData("permit(principal, action, resource) when { {a: 1, a: 2} == {} };", 1, 51)]
    [InlineData("permit(principal, action, resource) when { };", 1, 44)]
    public void Parse_MalformedPolicy_ThrowsWithLineAndColumn(string text, int line, int column)
    {
        var e = Assert.Throws<CedarParseException>(() => CedarPolicySet.Parse(text));

        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains($"line {line}, column {column}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PoliciesWithAnnotationsAndComments_AssignsIdsInFileOrder()
    {
        var set = CedarPolicySet.Parse("""
            // leading comment
            @id("first") permit(principal, action, resource);
            @advice forbid(principal is User in Group::"g", action in [Action::"a", Action::"b"], resource) // trailing
            unless { context.ok };
            permit(principal == User::"x", action == Action::"a", resource in Folder::"f");
            """);

        Assert.Equal(["policy0", "policy1", "policy2"], set.Policies.Select(p => p.Id));
        Assert.Equal("first", set.Policies[0].Annotations["id"]);
        Assert.Equal(ScopeKind.IsIn, set.Policies[1].Principal.Kind);
        Assert.Equal(ScopeKind.InSet, set.Policies[1].Action.Kind);
        Assert.Equal(PolicyEffect.Forbid, set.Policies[1].Effect);
    }

    [Fact]
    public void Parse_HugeOperatorChain_IsRejectedInsteadOfOverflowingTheStack()
    {
        var chain = string.Join(" && ", Enumerable.Repeat("true", 100_000));

        var e = Assert.Throws<CedarParseException>(() => CedarPolicySet.Parse($"permit(principal, action, resource) when {{ {chain} }};"));

        Assert.Contains("nested more than", e.Message, StringComparison.Ordinal);
        Assert.Equal((1, 44), (e.Line, e.Column));
    }

    [Fact]
    public void Parse_LongButShallowChain_IsAccepted()
    {
        var chain = string.Join(" && ", Enumerable.Repeat("true", 500));
        var set = CedarPolicySet.Parse($"permit(principal, action, resource) when {{ {chain} }};");

        var r = Authorizer.IsAuthorized(new CedarRequest(new EntityUid("U", "a"), new EntityUid("Action", "x"), new EntityUid("R", "r")), set, CedarEntities.Empty);

        Assert.True(r.IsAllowed);
    }

    [Fact]
    public void Parse_MinLongLiteral_IsAccepted()
    {
        var set = CedarPolicySet.Parse("permit(principal, action, resource) when { -9223372036854775808 < 0 };");

        Assert.Single(set.Policies);
    }

    [Fact]
    public void Parse_Schema_ResolvesNamespacesCommonTypesAndActions()
    {
        var schema = CedarSchema.Parse("""
            namespace App {
              type Addr = { ip: ipaddr, score?: decimal };
              @doc("a user")
              entity User in [Group] = { addr: Addr, tags: Set<String>, boss: User } tags Long;
              entity Group;
              entity Color enum ["red", "green"];
              action read, "write" in [Action::"all"] appliesTo { principal: [User], resource: Group, context: { at: datetime } };
              action all;
            }
            """);

        var user = schema.EntityTypes["App::User"];
        Assert.Equal(["App::Group"], user.MemberOf);
        var addr = Assert.IsType<RecordSchemaType>(user.Attributes.Attributes["addr"].Type);
        Assert.Equal(new PrimitiveSchemaType(CedarType.IpAddr), addr.Attributes["ip"].Type);
        Assert.False(addr.Attributes["score"].Required);
        Assert.Equal(new EntitySchemaType("App::User"), user.Attributes.Attributes["boss"].Type);
        Assert.Equal(new PrimitiveSchemaType(CedarType.Long), user.Tags);
        Assert.Equal(["red", "green"], schema.EntityTypes["App::Color"].EnumIds!);
        var write = schema.Actions[new EntityUid("App::Action", "write")];
        Assert.Equal([new EntityUid("App::Action", "all")], write.Parents);
        Assert.Equal(new PrimitiveSchemaType(CedarType.Datetime), write.Context.Attributes["at"].Type);
    }

    [Fact]
    public void Parse_MalformedSchema_ThrowsWithLineAndColumn()
    {
        var e = Assert.Throws<CedarParseException>(() => CedarSchema.Parse("entity A;\nentity B in [A] = { x: Long ;"));

        Assert.Equal((2, 29), (e.Line, e.Column));
    }
}
