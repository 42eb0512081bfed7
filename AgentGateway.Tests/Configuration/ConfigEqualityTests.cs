using System.Text.Json.Nodes;
using AgentGateway.Configuration;
using AgentGateway.Mcp;

namespace AgentGateway.Tests.Configuration;

public class ConfigEqualityTests
{
    private static McpBackendConfig Backend(string url = "http://a/mcp", string header = "v") => new()
    {
        Targets = [new McpTargetConfig { Name = "t", Url = url, Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-k"] = header } }],
        AllowedOrigins = ["https://app"],
    };

    [Fact]
    public void TwoLoadsOfTheSameConfig_AreEqual_WhereRecordEqualityIsNot()
    {
        var (a, b) = (Backend(), Backend());

        Assert.NotEqual(a, b); // records compare their lists by reference
        Assert.True(ConfigEquality.AreEqual(a, b));
    }

    [Theory]
    [InlineData("http://b/mcp", "v")]
    [InlineData("http://a/mcp", "w")]
    public void A_ChangeDeepInside_MakesThemDifferent(string url, string header)
    {
        Assert.False(ConfigEquality.AreEqual(Backend(), Backend(url, header)));
    }

    [Fact]
    public void Lists_CompareInOrder_AndDictionaries_ByTheirOwnKeyComparer()
    {
        Assert.False(ConfigEquality.AreEqual(new[] { "a", "b" }, new[] { "b", "a" }));
        Assert.False(ConfigEquality.AreEqual(new[] { "a" }, new[] { "a", "b" }));
        var upper = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["K"] = "1" };
        var lower = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["k"] = "1" };
        Assert.True(ConfigEquality.AreEqual(upper, lower));
        Assert.False(ConfigEquality.AreEqual(upper, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["k"] = "2" }));
    }

    [Fact]
    public void NullsAndJson_CompareByValue()
    {
        Assert.True(ConfigEquality.AreEqual(null, null));
        Assert.False(ConfigEquality.AreEqual(Backend(), null));
        Assert.True(ConfigEquality.AreEqual(JsonNode.Parse("""{"a":[1,2]}"""), JsonNode.Parse("""{"a":[1,2]}""")));
        Assert.False(ConfigEquality.AreEqual(JsonNode.Parse("""{"a":[1,2]}"""), JsonNode.Parse("""{"a":[2,1]}""")));
    }
}
