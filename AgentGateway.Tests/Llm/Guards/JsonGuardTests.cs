using System.Text.Json.Nodes;
using AgentGateway.Llm;
using AgentGateway.Llm.Guards;

namespace AgentGateway.Tests.Llm.Guards;

/// <summary>
/// Request guards see every string of the body (not a list of prompt fields), mask where a value can be rewritten,
/// reject where it cannot, and see through JSON escapes, compatibility characters and invisible characters.
/// </summary>
public class JsonGuardTests
{
    private const string Ssn = "123-45-6789";

    private static GuardSet Guards(string action, string builtin = "ssn") =>
        GuardSet.Build([new LlmGuardRuleConfig { Builtin = builtin, Action = action }], onRequest: true);

    private static JsonObject Body(string json) => (JsonObject)JsonNode.Parse(json.Replace("SSN", Ssn, StringComparison.Ordinal))!;

    // Each body carries the SSN in one place the provider receives.
    public static TheoryData<string> EveryPlace => new()
    {
        """{"model":"m","input":"hi","instructions":"user SSN"}""",
        """{"model":"m","messages":[{"role":"user","name":"SSN","content":"hi"}]}""",
        """{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","description":"SSN"}}]}""",
        """{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"string","description":"SSN"}}}}}]}""",
        """{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"SSN"}]}]}""",
        """{"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"ssn\":\"SSN\"}"}}]}]}""",
        """{"model":"m","messages":[{"role":"tool","tool_call_id":"c1","content":"SSN"}]}""",
        """{"model":"m","max_tokens":5,"system":"SSN","messages":[{"role":"user","content":"hi"}]}""",
        """{"model":"m","max_tokens":5,"system":[{"type":"text","text":"SSN"}],"messages":[{"role":"user","content":"hi"}]}""",
        """{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"SSN"}]}]}""",
        """{"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"SSN"}]}]}]}""",
        """{"model":"m","max_tokens":5,"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{"ssn":"SSN"}}]}]}""",
        """{"model":"m","input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"SSN"}]}]}""",
        """{"model":"m","input":[{"type":"function_call","call_id":"c","name":"f","arguments":"{\"a\":\"SSN\"}"}]}""",
        """{"model":"m","input":[{"type":"function_call_output","call_id":"c","output":"SSN"}]}""",
        """{"model":"m","input":"hi","tools":[{"type":"function","name":"f","description":"SSN"}]}""",
        """{"model":"m","input":"hi","metadata":{"note":"SSN"}}""",
        """{"model":"m","input":"hi","metadata":{"SSN":"note"}}""",
        """{"model":"m","input":"hi","user":"SSN"}""",
        """{"model":"m","messages":[{"role":"user","content":"hi"}],"stop":["SSN"]}""",
        """{"model":"m","messages":[{"role":"user","content":"hi"}],"Messages":[{"role":"user","content":"SSN"}]}""",
        """{"model":"m","input":["SSN"]}""",
    };

    [Theory]
    [MemberData(nameof(EveryPlace))]
    public void RejectGuard_SeesTheSsn_WhereverTheProviderReceivesIt(string json)
    {
        var ex = Assert.Throws<GuardRejectedException>(() => JsonGuard.Apply(Body(json), Guards("reject")));

        Assert.Equal("ssn", ex.GuardName);
    }

    [Theory]
    [MemberData(nameof(EveryPlace))]
    public void MaskGuard_LeavesNoSsnInTheBody_OrRejects(string json)
    {
        var body = Body(json);
        try
        {
            JsonGuard.Apply(body, Guards("mask"));
        }
        catch (GuardRejectedException)
        {
            return; // a name or a property name cannot be rewritten
        }

        Assert.DoesNotContain("6789", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"m","input":"hi","instructions":"user SSN"}""", "user [SSN]")]
    [InlineData("""{"model":"m","input":"hi","tools":[{"type":"function","name":"f","description":"see SSN"}]}""", "see [SSN]")]
    public void MaskGuard_MasksContentFields(string json, string expected)
    {
        var body = Body(json);

        Assert.True(JsonGuard.Apply(body, Guards("mask")));
        Assert.Contains(expected, body.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[{"role":"user","name":"SSN","content":"hi"}]}""")]
    [InlineData("""{"model":"m","tools":[{"type":"function","function":{"name":"f_SSN"}}],"messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("""{"model":"m","messages":[{"role":"tool","tool_call_id":"call_SSN","content":"x"}]}""")]
    public void MaskGuard_RejectsAMatchInANameOrId_ItCannotRewrite(string json) =>
        Assert.Throws<GuardRejectedException>(() => JsonGuard.Apply(Body(json), Guards("mask")));

    [Theory]
    [InlineData("123\\\\u002d45\\\\u002d6789")] // a JSON escape inside tool arguments (JSON text in a string)
    [InlineData("123\\\\\\\\u002d45\\\\\\\\u002d6789")] // escaped twice
    [InlineData("１２３－４５－６７８９")] // fullwidth digits and dashes
    [InlineData("123\u200B-45-6789")] // a zero-width space
    [InlineData("123-\u00AD45-6789")] // a soft hyphen
    public void MaskGuard_RejectsAMatchHiddenFromThePattern_ButNotFromTheModel(string hidden)
    {
        var json = """{"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"ssn\":\"HIDDEN\"}"}}]}]}""";

        Assert.Throws<GuardRejectedException>(() => JsonGuard.Apply(Body(json.Replace("HIDDEN", hidden, StringComparison.Ordinal)), Guards("mask")));
    }

    [Fact]
    public void TheTopLevelModel_IsRoutingData_AndNotGuarded()
    {
        var guards = GuardSet.Build([new LlmGuardRuleConfig { Regex = "[0-9]{4}", Action = "reject", Name = "digits" }], onRequest: true);

        Assert.False(JsonGuard.Apply(Body("""{"model":"gpt-4o-2024-08-06","messages":[{"role":"user","content":"hi"}]}"""), guards));
    }

    [Fact]
    public void Base64Payloads_AreNotScanned_ButTextSourcesAre()
    {
        // Image bytes happen to contain a phone-number-like digit run; text documents are text.
        var image = "data:image/png;base64," + new string('A', 300) + "/4155550100/" + new string('B', 300);
        var bytes = new string('Q', 300) + "+4155550100+" + new string('Q', 300);
        var phone = GuardSet.Build([new LlmGuardRuleConfig { Builtin = "phone", Action = "reject" }], onRequest: true);

        Assert.False(JsonGuard.Apply(Body($$$"""{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"{{{image}}}"}}]}]}"""), phone));
        Assert.False(JsonGuard.Apply(Body($$$"""{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"{{{bytes}}}"}}]}]}"""), phone));
        Assert.Throws<GuardRejectedException>(() => JsonGuard.Apply(
            Body("""{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"call (415) 555-0100"}}]}]}"""), phone));
    }
}
