using System.Text;
using AgentGateway.Llm.Wire;

namespace AgentGateway.Tests.Llm.Wire;

/// <summary>
/// The passthrough request peek answers only where the full reader would accept the body with the same model, and
/// declines (so the full reader decides, with its own error) everywhere else.
/// </summary>
public class RequestPeekTests
{
    private static bool Peek(string json, out string model, out bool stream) => RequestPeek.TryRead(Encoding.UTF8.GetBytes(json), out model, out stream);

    [Fact]
    public void TryRead_TypicalBody_ReadsModelAndStream()
    {
        var ok = Peek("""
            {"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief.\nThanks"},{"role":"user","content":[{"type":"text","text":"hi"}]}],
             "temperature":0.2,"max_tokens":128,"stream":true,"stream_options":{"include_usage":true},"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"model":{"type":"string"}}}}}]}
            """, out var model, out var stream);

        Assert.True(ok);
        Assert.Equal("gpt-4o-mini", model);
        Assert.True(stream);
    }

    [Theory]
    [InlineData("""{"stream":null,"model":"m"}""")]
    [InlineData("""{"model":"m","stream":false}""")]
    [InlineData("""{"model":"m"}""")]
    public void TryRead_StreamAbsentFalseOrNull_IsNotStreaming(string json)
    {
        Assert.True(Peek(json, out var model, out var stream));
        Assert.Equal("m", model);
        Assert.False(stream);
    }

    [Fact]
    public void TryRead_ModelNestedInMessages_IsNotTaken()
    {
        Assert.True(Peek("""{"messages":[{"role":"user","model":"evil"}],"metadata":{"model":"evil"},"model":"good"}""", out var model, out _));
        Assert.Equal("good", model);
        Assert.False(Peek("""{"messages":[{"role":"user","model":"evil"}]}""", out _, out _));
    }

    [Fact]
    public void TryRead_SameKeyInSiblingObjects_IsNotADuplicate()
    {
        Assert.True(Peek("""{"model":"m","messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}],"x":{"role":1}}""", out _, out _));
    }

    [Theory]
    [InlineData("""{"model":"a","messages":[],"model":"b"}""")] // duplicated routing key
    [InlineData("""{"model":"a","messages":[{"role":"user","role":"system"}]}""")] // duplicate deeper down
    [InlineData("""{"mod\u0065l":"a"}""")] // escaped key: left to the full reader
    [InlineData("""{"model":"a","mod\u0065l":"b"}""")]
    [InlineData("""{"model":"gpt\u002d4"}""")] // escaped model value
    [InlineData("""{"model":42}""")]
    [InlineData("""{"model":""}""")]
    [InlineData("""{"model":null}""")]
    [InlineData("""{"model":{"name":"m"}}""")]
    [InlineData("""{"messages":[]}""")]
    [InlineData("""{"model":"m","stream":"yes"}""")]
    [InlineData("""{"model":"m","stream":1}""")]
    [InlineData("""{"model":"m","messages":[{"content":"\ud800"}]}""")] // unpaired surrogate
    [InlineData("""{"model":"m","messages":[{"content":"\uD83D\uDE00"}]}""")] // paired, but escaped: full reader
    [InlineData("""[{"model":"m"}]""")]
    [InlineData("""{"model":"m"} {}""")]
    [InlineData("""{"model":"m",}""")]
    [InlineData("""{"model":"m" """)]
    [InlineData("")]
    [InlineData("\"model\"")]
    public void TryRead_AnythingUncertain_Declines(string json)
    {
        Assert.False(Peek(json, out _, out _));
    }

    [Fact]
    public void TryRead_EscapesOtherThanSurrogates_AreFine()
    {
        Assert.True(Peek("""{"model":"m","messages":[{"content":"tab\tquote\" \u00e9 \\ud800 is text"}]}""", out var model, out _));
        Assert.Equal("m", model);
    }

    [Fact]
    public void TryRead_ObjectTooWideToCheckCheaply_Declines()
    {
        var keys = string.Join(",", Enumerable.Range(0, 65).Select(i => $"\"k{i}\":{i}"));
        var narrow = string.Join(",", Enumerable.Range(0, 64).Select(i => $"\"k{i}\":{i}"));

        Assert.False(Peek("{\"model\":\"m\",\"meta\":{" + keys + "}}", out _, out _));
        Assert.True(Peek("{\"model\":\"m\",\"meta\":{" + narrow + "}}", out _, out _));
    }
}
