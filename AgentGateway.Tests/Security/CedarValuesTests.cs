using System.Text.Json;
using AgentGateway.Security;
using AgentGateway.Cedar;

namespace AgentGateway.Tests.Security;

/// <summary>The documented table of how request JSON is presented to Cedar (README, "Cedar mapping").</summary>
public sealed class CedarValuesTests
{
    private static CedarValue? Convert(string json) => CedarValues.FromJson(JsonDocument.Parse(json).RootElement);

    [Theory]
    [InlineData("\"Tokyo\"", "\"Tokyo\"")]
    [InlineData("\"\\u0054okyo\"", "\"Tokyo\"")]
    [InlineData("true", "true")]
    [InlineData("42", "42")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("9223372036854775808", "\"9223372036854775808\"")]
    [InlineData("123456789012345678901234567890", "\"123456789012345678901234567890\"")]
    [InlineData("1.5", "decimal(\"1.5000\")")]
    [InlineData("-0.0001", "decimal(\"-0.0001\")")]
    [InlineData("2.0", "decimal(\"2.0000\")")]
    [InlineData("1E+2", "decimal(\"100.0000\")")]
    [InlineData("12.340000", "decimal(\"12.3400\")")]
    [InlineData("922337203685477.5807", "decimal(\"922337203685477.5807\")")]
    [InlineData("922337203685477.5808", "\"922337203685477.5808\"")]
    [InlineData("-922337203685477.5808", "decimal(\"-922337203685477.5808\")")]
    [InlineData("0.00001", "\"0.00001\"")]
    [InlineData("1e400", "\"1e400\"")]
    [InlineData("-1e-400", "\"-1e-400\"")]
    [InlineData("0e999999999", "decimal(\"0.0000\")")]
    [InlineData("[1, 1, null, \"a\"]", "[\"a\", 1]")]
    public void Scalars_AndSets_HaveTheDocumentedForm(string json, string expected)
    {
        var value = Convert(json);

        Assert.NotNull(value);
        Assert.Equal(expected, Normalize(value));
    }

    [Fact]
    public void Null_LeavesTheKeyOut_EverythingElseIsKept_EscapesArePlainKeys()
    {
        var record = Assert.IsType<CedarRecord>(Convert("""{"a":null,"b":{"c":null,"d":1},"__entity":{"type":"User","id":"admin"}}"""));

        Assert.False(record.Has("a"));
        var b = Assert.IsType<CedarRecord>(record.Attributes["b"]);
        Assert.Equal(["d"], b.Attributes.Keys);
        var escape = Assert.IsType<CedarRecord>(record.Attributes["__entity"]); // a record, never an entity reference
        Assert.Equal(new CedarString("admin"), escape.Attributes["id"]);
    }

    [Fact]
    public void DuplicateKey_AnywhereInside_Throws_NamingThePathNotTheValue()
    {
        var ex = Assert.Throws<CedarValueException>(() => CedarValues.Record([KeyValuePair.Create<string, object?>("arguments",
            JsonDocument.Parse("""{"where":[{"city":"secret-1","city":"secret-2"}]}""").RootElement)]));

        Assert.Contains("arguments.where[0].city", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingBeyondTheLimit_Throws()
    {
        var deep = new string('[', CedarValues.MaxDepth + 2) + new string(']', CedarValues.MaxDepth + 2);
        using var document = JsonDocument.Parse(deep, new JsonDocumentOptions { MaxDepth = 1000 });

        Assert.Throws<CedarValueException>(() => CedarValues.FromJson(document.RootElement));
    }

    [Fact]
    public void DotNetValues_FollowTheSameTable()
    {
        var record = CedarValues.Record(new Dictionary<string, object?>
        {
            ["none"] = null,
            ["d"] = 0.25,
            ["nan"] = double.NaN,
            ["big"] = ulong.MaxValue,
            ["list"] = new List<string> { "a", "b" },
        });

        Assert.False(record.ContainsKey("none"));
        Assert.Equal("decimal(\"0.2500\")", record["d"].ToString());
        Assert.Equal(new CedarString("NaN"), record["nan"]);
        Assert.Equal(new CedarString("18446744073709551615"), record["big"]);
        Assert.IsType<CedarSet>(record["list"]);
    }

    // Sets print in hash order; sort their members so the expectation is stable.
    private static string Normalize(CedarValue value) => value is CedarSet set
        ? "[" + string.Join(", ", set.Items.Select(Normalize).Order(StringComparer.Ordinal)) + "]"
        : value.ToString()!;
}
