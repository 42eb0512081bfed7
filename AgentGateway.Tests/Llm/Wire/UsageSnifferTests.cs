using System.Text;
using AgentGateway.Llm.Wire;

namespace AgentGateway.Tests.Llm.Wire;

/// <summary>
/// The passthrough usage readers: one forward pass over the bytes, values taken only at their paths from the root,
/// a malformed document counting for nothing.
/// </summary>
public class UsageSnifferTests
{
    private static UsageSniffer Body(UsageSniffer sniffer, string json)
    {
        sniffer.ReadBody(Encoding.UTF8.GetBytes(json));
        return sniffer;
    }

    private static UsageSniffer Events(UsageSniffer sniffer, params string[] events)
    {
        foreach (var e in events)
        {
            sniffer.ReadEvent(Encoding.UTF8.GetBytes(e));
        }

        return sniffer;
    }

    [Fact]
    public void ChatBody_ReadsModelUsageAndText()
    {
        var s = Body(new ChatCompletionsUsageSniffer(), """
            {"id":"c","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"}},{"message":{"content":" there"}}],
             "usage":{"prompt_tokens":38,"completion_tokens":18,"total_tokens":56}}
            """);

        Assert.Equal("gpt-4o-mini", s.ResponseModel);
        Assert.Equal(38, s.Input);
        Assert.Equal(18, s.Output);
        Assert.Equal("Hello there", s.OutputText);
    }

    [Fact]
    public void ChatBody_ModelNestedInChoices_IsNotTheResponseModel()
    {
        var nestedOnly = Body(new ChatCompletionsUsageSniffer(), """{"choices":[{"message":{"model":"inner","content":"x"}}],"usage":{"model":"u"}}""");
        var both = Body(new ChatCompletionsUsageSniffer(), """{"choices":[{"message":{"model":"inner"}}],"model":"outer"}""");

        Assert.Null(nestedOnly.ResponseModel);
        Assert.Equal("outer", both.ResponseModel);
    }

    [Fact]
    public void ChatBody_EscapedKeysAndText_AreUnescaped()
    {
        var s = Body(new ChatCompletionsUsageSniffer(), """
            {"mod\u0065l":"m1","us\u0061ge":{"prompt_\u0074okens":5,"completion_tokens":7},"choices":[{"message":{"cont\u0065nt":"a\nb \u00e9 \"q\""}}]}
            """);

        Assert.Equal("m1", s.ResponseModel);
        Assert.Equal(5, s.Input);
        Assert.Equal(7, s.Output);
        Assert.Equal("a\nb é \"q\"", s.OutputText);
    }

    [Fact]
    public void ChatBody_NonIntegerCounts_AreNotTaken()
    {
        var s = Body(new ChatCompletionsUsageSniffer(), """{"usage":{"prompt_tokens":38.5,"completion_tokens":"18"},"choices":[{"message":{"content":"x"}}]}""");

        Assert.Null(s.Input);
        Assert.Null(s.Output);
        Assert.Equal("x", s.OutputText);
    }

    [Fact]
    public void ChatBody_WholeNumberWrittenAsFloat_IsNotTaken()
    {
        // Same rule as JsonElement.TryGetInt64: "12.0" and "1e2" are not integers on the wire.
        var s = Body(new ChatCompletionsUsageSniffer(), """{"usage":{"prompt_tokens":12.0,"completion_tokens":1e2}}""");

        Assert.Null(s.Input);
        Assert.Null(s.Output);
    }

    [Fact]
    public void ChatBody_MissingUsage_LeavesCountsNullAndKeepsText()
    {
        var s = Body(new ChatCompletionsUsageSniffer(), """{"model":"m","choices":[{"message":{"content":"only text"}}]}""");

        Assert.Null(s.Input);
        Assert.Null(s.Output);
        Assert.Equal("only text", s.OutputText);
    }

    [Theory]
    [InlineData("""{"model":"m","usage":{"prompt_tokens":3,"completion_tokens":4},"choices":[{"message":{"content":"t"}}]""")]
    [InlineData("""{"model":"m","usage":{"prompt_tokens":3,"completion_tokens":4},"choices":[{"message":{"content":"t"}}]} trailing""")]
    [InlineData("""{"model":"m","choices":[{"message":{"content":"t"}}],"usage":{"prompt_tokens":3,"completion_tokens":4},}""")]
    [InlineData("""{"model":"m","choices":[{"message":{"content":"\ud800"}}],"usage":{"prompt_tokens":3,"completion_tokens":4}}""")]
    public void ChatBody_Malformed_CountsForNothing(string json)
    {
        var s = Body(new ChatCompletionsUsageSniffer(), json);

        Assert.Null(s.ResponseModel);
        Assert.Null(s.Input);
        Assert.Null(s.Output);
        Assert.Equal("", s.OutputText);
    }

    [Fact]
    public void ChatBody_LongText_IsReadWhole()
    {
        var text = new string('x', 5000) + "\\n" + new string('y', 300);
        var s = Body(new ChatCompletionsUsageSniffer(), "{\"choices\":[{\"message\":{\"content\":\"" + text + "\"}}]}");

        Assert.Equal(new string('x', 5000) + "\n" + new string('y', 300), s.OutputText);
    }

    [Fact]
    public void ChatEvents_TakeFirstModelDeltasAndFinalUsage()
    {
        var s = Events(new ChatCompletionsUsageSniffer(),
            """{"model":"m-1","choices":[{"delta":{"role":"assistant","content":"Hel"}}]}""",
            """{"model":"m-2","choices":[{"delta":{"content":"lo"}}]}""",
            "not json",
            """{"model":"m-1","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2}}""",
            "[DONE]",
            "");

        Assert.Equal("m-1", s.ResponseModel);
        Assert.Equal("Hello", s.OutputText);
        Assert.Equal(9, s.Input);
        Assert.Equal(2, s.Output);
    }

    [Fact]
    public void ChatEvents_MessageContentInAStream_IsNotDeltaText()
    {
        var s = Events(new ChatCompletionsUsageSniffer(), """{"choices":[{"message":{"content":"not a delta"},"delta":{"content":"delta"}}]}""");

        Assert.Equal("delta", s.OutputText);
    }

    [Fact]
    public void MessagesBody_ReadsContentBlocksAndUsage()
    {
        var s = Body(new MessagesUsageSniffer(), """
            {"id":"msg_1","type":"message","model":"claude-x","content":[{"type":"text","text":"Hi"},{"type":"tool_use","input":{"text":"no"}},{"type":"text","text":"!"}],
             "usage":{"input_tokens":11,"output_tokens":3}}
            """);

        Assert.Equal("claude-x", s.ResponseModel);
        Assert.Equal("Hi!", s.OutputText);
        Assert.Equal(11, s.Input);
        Assert.Equal(3, s.Output);
    }

    [Fact]
    public void MessagesEvents_KeepStartInputAgainstLaterZero()
    {
        var s = Events(new MessagesUsageSniffer(),
            """{"type":"message_start","message":{"id":"msg_1","model":"claude-x","content":[],"usage":{"input_tokens":25,"output_tokens":1}}}""",
            """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}""",
            """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"a\":1}"}}""",
            """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"input_tokens":0,"output_tokens":9}}""",
            """{"type":"message_stop"}""");

        Assert.Equal("claude-x", s.ResponseModel);
        Assert.Equal(25, s.Input);
        Assert.Equal(9, s.Output);
        Assert.Equal("Hi{\"a\":1}", s.OutputText);
    }

    [Fact]
    public void ResponsesBody_ReadsOutputTextAndUsage()
    {
        var s = Body(new ResponsesUsageSniffer(), """
            {"id":"resp_1","model":"gpt-x","output":[{"type":"message","content":[{"type":"output_text","text":"A"},{"type":"output_text","text":"B"}]}],
             "usage":{"input_tokens":4,"output_tokens":2}}
            """);

        Assert.Equal("gpt-x", s.ResponseModel);
        Assert.Equal("AB", s.OutputText);
        Assert.Equal(4, s.Input);
        Assert.Equal(2, s.Output);
    }

    [Fact]
    public void ResponsesEvents_TextOnlyFromTextDeltas_WhicheverKeyComesFirst()
    {
        var s = Events(new ResponsesUsageSniffer(),
            """{"type":"response.created","response":{"model":"gpt-x","usage":null}}""",
            """{"type":"response.output_text.delta","delta":"one "}""",
            """{"delta":"two","type":"response.output_text.delta"}""",
            """{"type":"response.function_call_arguments.delta","delta":"{}"}""",
            """{"delta":"nope","type":"response.reasoning.delta"}""",
            """{"type":"response.completed","usage":{"input_tokens":99},"response":{"usage":{"input_tokens":7,"output_tokens":3}}}""");

        Assert.Equal("gpt-x", s.ResponseModel);
        Assert.Equal("one two", s.OutputText);
        Assert.Equal(7, s.Input);
        Assert.Equal(3, s.Output);
    }
}
