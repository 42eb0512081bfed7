using AgentGateway.Cedar;

namespace AgentGateway.Cedar.Tests.Validation;

public sealed class CedarValidatorTests
{
    private static readonly CedarSchema Schema = CedarSchema.Parse("""
        entity Group;
        entity User in [Group] = { level: Long, email?: String, manager?: User } tags String;
        entity Tool = { server: String };
        action call_tool appliesTo { principal: [User], resource: [Tool], context: { args: { limit: Long }, src?: String } };
        action admin appliesTo { principal: [User], resource: [Group] };
        """);

    private static IReadOnlyList<string> Validate(string condition, string head = "principal, action == Action::\"call_tool\", resource") =>
        new CedarValidator(Schema).Validate(CedarPolicySet.Parse($"permit({head}) when {{ {condition} }};"));

    [Theory]
    [InlineData("principal.level > 3 && context.args.limit <= 10")]
    [InlineData("principal has email && principal.email like \"*@example.com\"")]
    [InlineData("context has src && context.src == \"cli\"")]
    [InlineData("principal.hasTag(\"team\") && principal.getTag(\"team\") == \"core\"")]
    [InlineData("principal in Group::\"admins\" && resource.server == \"github\"")]
    [InlineData("false && (1 + \"a\" == 2)")]
    [InlineData("if principal has manager then principal.manager.level > principal.level else true")]
    [InlineData("ip(\"10.0.0.1\").isInRange(ip(\"10.0.0.0/8\")) && [1, 2].contains(principal.level)")]
    public void Validate_WellTypedPolicy_HasNoErrors(string condition)
    {
        Assert.Empty(Validate(condition));
    }

    [Theory]
    [InlineData("principal.email == \"x\"", "optional attribute")]
    [InlineData("principal.nickname == \"x\"", "not declared")]
    [InlineData("principal.level == \"3\"", "equality")]
    [InlineData("[].isEmpty()", "empty set")]
    [InlineData("ip(resource.server).isIpv4()", "string literal")]
    [InlineData("principal.getTag(\"team\") == \"core\"", "hasTag")]
    [InlineData("resource.getTag(\"x\") == \"y\"", "no tags")]
    [InlineData("decimal(\"1.23456\") == decimal(\"1.0\")", "literal")]
    [InlineData("principal.level < decimal(\"1.0\")", "cannot compare")]
    [InlineData("Unknown::\"x\" == principal", "unrecognized")]
    [InlineData("principal.level + true == 1", "expected Long")]
    public void Validate_IllTypedPolicy_ReportsThePolicy(string condition, string reason)
    {
        var errors = Validate(condition);

        var error = Assert.Single(errors);
        Assert.StartsWith("policy0: ", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeadMatchingNoAppliesTo_IsInvalid()
    {
        var errors = Validate("true", "principal, action == Action::\"admin\", resource is Tool");

        Assert.Contains("matches no action", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConditionOnlyCheckedWhereHeadCanMatch()
    {
        // resource.server exists on Tool but not on Group: the admin action (resources: Group) is excluded by the head.
        Assert.Empty(Validate("resource.server == \"x\"", "principal, action, resource is Tool"));
        Assert.NotEmpty(Validate("resource.server == \"x\"", "principal, action, resource"));
    }
}
