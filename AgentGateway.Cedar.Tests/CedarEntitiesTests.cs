using System.Text.Json;
using AgentGateway.Cedar;
using AgentGateway.Cedar.Extensions;
using AgentGateway.Cedar.Parsing;

namespace AgentGateway.Cedar.Tests;

public sealed class CedarEntitiesTests
{
    [Fact]
    public void FromJson_BothUidFormsAndEscapes_AreUnderstood()
    {
        var entities = CedarEntities.FromJson("""
            [
              {"uid": {"type": "User", "id": "alice"}, "attrs": {"boss": {"__entity": {"type": "User", "id": "bob"}}, "ip": {"__extn": {"fn": "ip", "arg": "10.0.0.1"}}, "n": 3, "s": ["a", "a", "b"]}, "parents": [{"__entity": {"type": "Group", "id": "g"}}]},
              {"uid": {"__entity": {"type": "Group", "id": "g"}}, "attrs": {}, "parents": [{"type": "Group", "id": "top"}], "tags": {"k": true}}
            ]
            """);

        var alice = entities.Find(new EntityUid("User", "alice"))!;
        Assert.Equal(new EntityUid("User", "bob"), alice.Attributes["boss"]);
        Assert.Equal(CedarIpAddr.TryParse("10.0.0.1", out _), alice.Attributes["ip"]);
        Assert.Equal(2, ((CedarSet)alice.Attributes["s"]).Count);
        Assert.True(entities.IsIn(new EntityUid("User", "alice"), new EntityUid("Group", "top")));
        Assert.Equal(CedarBool.True, entities.Find(new EntityUid("Group", "g"))!.Tags["k"]);
    }

    [Fact]
    public void FromJson_WithSchema_ReadsDeclaredTypesAndAddsActions()
    {
        var schema = CedarSchema.Parse("""
            entity User = { from: ipaddr, score: decimal, boss: User, when: datetime };
            action view in ["all"] appliesTo { principal: User, resource: User, context: { d: duration } };
            action all;
            """);
        var entities = CedarEntities.FromJson("""
            [{"uid": {"type": "User", "id": "a"}, "attrs": {"from": "192.168.0.1/24", "score": "0.5", "boss": {"type": "User", "id": "b"}, "when": "2024-01-01"}, "parents": []}]
            """, schema);
        var context = CedarJson.ParseContext("""{"d": "1h30m"}""", schema, new EntityUid("Action", "view"));

        var a = entities.Find(new EntityUid("User", "a"))!;
        Assert.IsType<CedarIpAddr>(a.Attributes["from"]);
        Assert.Equal(5000, Assert.IsType<CedarDecimal>(a.Attributes["score"]).Scaled);
        Assert.Equal(new EntityUid("User", "b"), a.Attributes["boss"]);
        Assert.IsType<CedarDatetime>(a.Attributes["when"]);
        Assert.Equal(5_400_000, Assert.IsType<CedarDuration>(context.Attributes["d"]).Ms);
        Assert.True(entities.IsIn(new EntityUid("Action", "view"), new EntityUid("Action", "all")));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[{\"attrs\": {}}]")]
    [InlineData("[{\"uid\": {\"type\": \"A\"}}]")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"x\"}, \"attrs\": {\"f\": 1.5}}]")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"x\"}, \"attrs\": {\"f\": {\"__extn\": {\"fn\": \"ip\", \"arg\": \"nope\"}}}}]")]
    [InlineData("not json")]
    public void FromJson_Malformed_ThrowsCedarJsonException(string json)
    {
        Assert.Throws<CedarJsonException>(() => CedarEntities.FromJson(json));
    }

    [Fact]
    public void Programmatic_EntitiesFromDotNetValues_DriveDecisions()
    {
        using var doc = JsonDocument.Parse("""{"region": "eu", "quota": 7}""");
        var user = new EntityUid("User", "u1");
        var entities = new CedarEntities(
        [
            CedarEntity.Create(user, new Dictionary<string, object?> { ["groups"] = new List<string> { "admins" }, ["profile"] = doc.RootElement, ["active"] = true }, [new EntityUid("Role", "admin")]),
        ]);
        var policies = CedarPolicySet.Parse("""
            permit(principal in Role::"admin", action == Action::"call_tool", resource is Tool)
            when { principal.active && principal.groups.contains("admins") && principal.profile.region == "eu" && principal.profile.quota > 5 };
            """);

        var allowed = Authorizer.IsAuthorized(new CedarRequest(user, new EntityUid("Action", "call_tool"), new EntityUid("Tool", "search")), policies, entities);
        var wrongResource = Authorizer.IsAuthorized(new CedarRequest(user, new EntityUid("Action", "call_tool"), new EntityUid("Prompt", "x")), policies, entities);

        Assert.Equal(CedarDecision.Allow, allowed.Decision);
        Assert.Equal(CedarDecision.Deny, wrongResource.Decision);
    }

    [Fact]
    public void FromObject_UnsupportedValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => CedarValue.FromObject(1.5));
        Assert.Throws<ArgumentException>(() => CedarValue.FromObject(null));
    }
}
