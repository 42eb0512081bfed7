using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// Generators of LLM request bodies as JSON text: the shapes of each API (so bodies get past the first required
/// field, into the readers, guards and token counting) with every value sometimes replaced by arbitrary JSON, and
/// fragments no serializer would write (unpaired surrogate escapes, out-of-range numbers, duplicate keys, deep
/// nesting), plus plain arbitrary JSON and not-JSON.
/// </summary>
internal static class LlmBodyGen
{
    private static readonly string[] Keys =
    [
        "model", "messages", "role", "content", "type", "text", "name", "tool_calls", "function", "arguments", "tools",
        "parameters", "description", "input", "instructions", "system", "max_tokens", "stream", "tool_choice",
        "response_format", "json_schema", "schema", "stop", "image_url", "url", "source", "data", "media_type",
        "tool_use_id", "tool_call_id", "call_id", "output", "id", "metadata", "properties", "Model", "",
    ];

    private static readonly string[] Words =
    [
        "", "hello", "call tool get_weather with {\"city\":\"Oslo\"}", "ssn 123-45-6789", "mail bob@example.com",
        "\u00e9\u6771\u4eac", "\ud83d\ude00", "a\u0000b", "   ", "{\"a\":1}", "{", "not a uri", "::", "123\\u002d45\\u002d6789",
        "\uff11\uff12\uff13\uff0d\uff14\uff15\uff0d\uff16\uff17\uff18\uff19",
    ];

    // JSON no serializer would write: unpaired surrogates, numbers out of every range, nesting past the limit.
    private static readonly string[] Raw =
    [
        "\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "1e400", "-1e400", "123456789012345678901234567890", "-0", "0.5",
        "-1", "2147483648", "1.0", "null", "true", "false", "[]", "{}", new string('[', 70) + new string(']', 70),
        "\"" + new string('a', 5000) + "\"",
    ];

    public static string Quote(string s) => JsonSerializer.Serialize(s);

    private static readonly Gen<string> Leaf = Gen.Frequency(
        (3, Gen.OneOf(Words).Select(Quote)),
        (2, Gen.String.Select(Quote)),
        (2, Gen.OneOf(Raw)),
        (1, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Any JSON value up to <paramref name="depth"/> levels, keys from the APIs' own field names.</summary>
    public static Gen<string> Any(int depth) => depth <= 0
        ? Leaf
        : Gen.Frequency(
            (4, Leaf),
            (2, Gen.Int[0, 4].SelectMany(n => Gen.Select(Gen.OneOf(Keys), Any(depth - 1)).Array[n, n])
                .Select(pairs => "{" + string.Join(",", pairs.Select(p => Quote(p.Item1) + ":" + p.Item2)) + "}")),
            (2, Arr(Any(depth - 1), 0, 4)));

    /// <summary>Usually <paramref name="valid"/>, sometimes anything.</summary>
    private static Gen<string> V(Gen<string> valid) => Gen.Frequency((15, valid), (1, Any(2)));

    private static Gen<string> S(params string[] options) => V(Gen.OneOf(options).Select(Quote));

    private static Gen<string> Text => V(Gen.Frequency((4, Gen.OneOf(Words)), (1, Gen.String)).Select(Quote));

    private static Gen<string> Int => V(Gen.Int[0, 5000].Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static Gen<string> Bool => V(Gen.Bool.Select(b => b ? "true" : "false"));

    private static Gen<string> Arr(Gen<string> item, int min, int max) =>
        Gen.Int[min, max].SelectMany(n => item.Array[n, n]).Select(items => "[" + string.Join(",", items) + "]");

    /// <summary>A field present <paramref name="percent"/>% of the time; a duplicate of it now and then.</summary>
    private static Gen<string?> F(string name, Gen<string> value, int percent = 50) => Gen.Frequency(
        (percent * 4, value.Select(v => (string?)(Quote(name) + ":" + v))),
        (1, Gen.Select(value, value).Select(t => (string?)(Quote(name) + ":" + t.Item1 + "," + Quote(name) + ":" + t.Item2))),
        ((100 - percent) * 4, Gen.Const((string?)null)));

    private static Gen<string> Obj(params Gen<string?>[] fields) =>
        fields.Aggregate(Gen.Const(""), (acc, field) => acc.SelectMany(a => field.Select(f => f is null ? a : a.Length == 0 ? f : a + "," + f)))
            .Select(body => "{" + body + "}");

    private static Gen<string> Model => S("mock-gpt", "claude-x", "mock-embed", "nope");

    private static Gen<string> Schema => V(Gen.Const("""{"type":"object","properties":{"city":{"type":"string","description":"ssn 123-45-6789"}}}"""));

    private static Gen<string> ImageUrl => S("data:image/png;base64,iVBORw0KGgo=", "http://example.com/a.png", "not a uri", "data:,x");

    // OpenAI chat completions.
    private static Gen<string> ChatPart => Obj(
        F("type", S("text", "image_url", "input_audio", "file"), 95), F("text", Text), F("image_url", V(Gen.OneOf(ImageUrl, Obj(F("url", ImageUrl, 90))))));

    private static Gen<string> ToolCall => Obj(
        F("id", S("c1", "call_1")), F("type", S("function"), 80),
        F("function", Obj(F("name", S("get_weather", "")), F("arguments", S("{\"city\":\"Oslo\"}", "{\"ssn\":\"123\\u002d45\\u002d6789\"}", "not json", "")))));

    private static Gen<string> ChatMessage => Obj(
        F("role", S("system", "developer", "user", "assistant", "tool", "function", "nobody"), 95),
        F("content", V(Gen.OneOf(Text, Arr(ChatPart, 0, 3), Gen.Const("null"))), 85),
        F("name", Text, 15), F("tool_calls", Arr(ToolCall, 0, 2), 20), F("tool_call_id", S("c1"), 20));

    private static Gen<string> ChatTool => Obj(
        F("type", S("function"), 90), F("function", Obj(F("name", S("get_weather", "")), F("description", Text), F("parameters", Schema)), 90));

    public static Gen<string> ChatCompletions => Obj(
        F("model", Model, 95), F("messages", Arr(ChatMessage, 1, 3), 95), F("tools", Arr(ChatTool, 0, 2), 20),
        F("tool_choice", V(Gen.OneOf(S("auto", "none", "required"), Obj(F("function", Obj(F("name", S("get_weather"))))))), 15),
        F("response_format", Obj(F("type", S("text", "json_object", "json_schema", "xml")), F("json_schema", Obj(F("name", Text), F("schema", Schema)))), 15),
        F("stop", V(Gen.OneOf(Text, Arr(Text, 0, 2))), 10), F("stream", Bool, 30), F("stream_options", Obj(F("include_usage", Bool)), 15),
        F("max_tokens", Int, 30), F("max_completion_tokens", Int, 10), F("temperature", V(Gen.Const("0.5")), 10), F("seed", Int, 5));

    // Anthropic messages.
    private static Gen<string> Block => Obj(
        F("type", S("text", "image", "tool_use", "tool_result", "document", "thinking"), 95), F("text", Text),
        F("source", Obj(F("type", S("base64", "url", "text")), F("media_type", S("image/png")), F("data", S("iVBORw0KGgo=", "!!", "ssn 123-45-6789")), F("url", ImageUrl)), 30),
        F("id", S("toolu_1")), F("name", S("get_weather")), F("input", V(Gen.Const("{\"city\":\"Oslo\"}")), 30), F("tool_use_id", S("toolu_1"), 30),
        F("content", V(Gen.OneOf(Text, Arr(Obj(F("type", S("text"), 90), F("text", Text, 90)), 0, 2))), 30));

    private static Gen<string> AnthropicMessage => Obj(
        F("role", S("user", "assistant", "system"), 95), F("content", V(Gen.OneOf(Text, Arr(Block, 0, 3))), 90));

    public static Gen<string> Messages => Obj(
        F("model", Model, 95), F("max_tokens", Int, 85), F("messages", Arr(AnthropicMessage, 1, 3), 95),
        F("system", V(Gen.OneOf(Text, Arr(Obj(F("type", S("text"), 90), F("text", Text, 90)), 0, 2))), 30),
        F("tools", Arr(Obj(F("name", S("get_weather", ""), 90), F("description", Text), F("input_schema", Schema)), 0, 2), 20),
        F("tool_choice", Obj(F("type", S("auto", "any", "tool", "none")), F("name", S("get_weather"))), 15),
        F("stop_sequences", Arr(Text, 0, 2), 10), F("stream", Bool, 30), F("top_k", Int, 5));

    // OpenAI Responses.
    private static Gen<string> ResponsesPart => Obj(
        F("type", S("input_text", "output_text", "text", "input_image", "input_file"), 95), F("text", Text), F("image_url", ImageUrl, 30));

    private static Gen<string> ResponsesItem => Obj(
        F("type", S("message", "function_call", "function_call_output", "reasoning"), 70), F("role", S("user", "assistant", "system", "developer", "x"), 70),
        F("content", V(Gen.OneOf(Text, Arr(ResponsesPart, 0, 3))), 70), F("call_id", S("c1"), 30), F("name", S("get_weather"), 30),
        F("arguments", S("{\"city\":\"Oslo\"}", "nope"), 30), F("output", Text, 30));

    public static Gen<string> Responses => Obj(
        F("model", Model, 95), F("input", V(Gen.OneOf(Text, Arr(ResponsesItem, 0, 3))), 90), F("instructions", Text, 30),
        F("tools", Arr(Obj(F("type", S("function", "web_search")), F("name", S("get_weather")), F("description", Text), F("parameters", Schema)), 0, 2), 20),
        F("max_output_tokens", Int, 30), F("stream", Bool, 30), F("metadata", Obj(F("note", Text)), 10));

    public static Gen<string> Embeddings => Obj(
        F("model", Model, 95), F("input", V(Gen.OneOf(Text, Arr(Text, 0, 3))), 90), F("dimensions", Int, 20), F("encoding_format", S("float", "base64", "x"), 20));

    /// <summary>Not always an object, not always JSON.</summary>
    public static Gen<string> Junk => Gen.Frequency(
        (2, Any(3)),
        (1, Gen.String.Select(s => s.Length > 0 ? s[..(s.Length / 2)] : s)),
        (1, ChatCompletions.Select(s => s[..(s.Length * 2 / 3)])));
}
