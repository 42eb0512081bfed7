using System.Globalization;
using AgentGateway.Telemetry;

namespace AgentGateway.Tests.Telemetry;

/// <summary>
/// The access-log state without a list per request: every configured field with a value still reaches providers as a
/// key/value pair of the same name and type, and the console text is what it was (<c>key=value</c>, invariant).
/// </summary>
public class AccessLogEntryTests
{
    private static readonly AccessLogValues Full = new(
        "llm", "POST", "/v1/chat/completions", 200, 12.35, "ApiKey::bot", "openai", 190, 412, 38, 18, "get_forecast");

    [Fact]
    public void AllFields_ReachProvidersAsPairs_InConfiguredOrder_WithTheirTypes()
    {
        var entry = new AccessLogEntry(AccessLogFields.For(new AccessLogConfig()), Full);

        Assert.Equal(AccessLogConfig.AllFields, entry.Select(kv => kv.Key));
        Assert.Equal(12, entry.Count);
        var fields = entry.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal("llm", fields["route"]);
        Assert.Equal("POST", fields["method"]);
        Assert.Equal("/v1/chat/completions", fields["path"]);
        Assert.Equal(200, fields["status"]);
        Assert.Equal(12.35, fields["durationMs"]);
        Assert.Equal("ApiKey::bot", fields["principal"]);
        Assert.Equal("openai", fields["upstream"]);
        Assert.Equal(190L, fields["bytesIn"]);
        Assert.Equal(412L, fields["bytesOut"]);
        Assert.Equal(38L, fields["inputTokens"]);
        Assert.Equal(18L, fields["outputTokens"]);
        Assert.Equal("get_forecast", fields["tool"]);
        Assert.Equal(entry[3], entry.ElementAt(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => entry[12]);
    }

    [Fact]
    public void FieldsWithoutAValue_AreLeftOut_AndTheConfiguredOrderIsKept()
    {
        var config = new AccessLogConfig { Fields = ["tool", "status", "principal", "bytesIn", "route", "status"] };
        var entry = new AccessLogEntry(AccessLogFields.For(config), Full with { Principal = null, BytesIn = null, Tool = null });

        Assert.Equal(["status", "route"], entry.Select(kv => kv.Key));
        Assert.Equal("access status=200 route=llm", entry.ToString());
    }

    [Theory]
    [InlineData(12.0)]
    [InlineData(0.35)]
    [InlineData(1234.57)]
    [InlineData(0.01)]
    [InlineData(98765.43)]
    public void ConsoleText_IsKeyEqualsValue_AsConvertToStringInvariantWrites(double durationMs)
    {
        var entry = new AccessLogEntry(AccessLogFields.For(new AccessLogConfig()), Full with { DurationMs = Math.Round(durationMs, 2) });

        // The text the list-based entry wrote: "access" then " key=value" per pair, values through Convert.ToString.
        var expected = "access" + string.Concat(entry.Select(kv => $" {kv.Key}={Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}"));
        Assert.Equal(expected, entry.ToString());
        Assert.StartsWith("access route=llm method=POST path=/v1/chat/completions status=200 durationMs=", entry.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(" principal=ApiKey::bot upstream=openai bytesIn=190 bytesOut=412 inputTokens=38 outputTokens=18 tool=get_forecast", entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LongValues_OverflowTheStackBuffer_AndStillFormatWhole()
    {
        var path = "/v1/" + new string('a', 600);
        var entry = new AccessLogEntry(AccessLogFields.For(new AccessLogConfig()), Full with { Path = path });

        Assert.Contains($" path={path} status=200 ", entry.ToString(), StringComparison.Ordinal);
    }
}
