using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MockLlm;

/// <summary>What the deterministic "model" answers: echo text, or a scripted tool call.</summary>
internal sealed partial record MockReply(string? Text, string? ToolName, string? ToolArguments)
{
    public bool IsToolCall => ToolName is not null;

    [GeneratedRegex(@"call tool ([A-Za-z0-9_.\-]+) with (\{.*\})", RegexOptions.Singleline)]
    private static partial Regex ToolRequest();

    /// <summary>
    /// Echo the last user message; "call tool NAME with {json}" scripts a tool call; a last message that is a
    /// tool result is answered with "tool result: ...".
    /// </summary>
    public static MockReply For(string lastUserText, string? lastToolResult)
    {
        if (lastToolResult is not null)
        {
            return new MockReply("tool result: " + lastToolResult, null, null);
        }

        var match = ToolRequest().Match(lastUserText);
        if (match.Success)
        {
            var args = match.Groups[2].Value;
            try
            {
                args = JsonNode.Parse(args)?.ToJsonString() ?? "{}";
            }
            catch (System.Text.Json.JsonException)
            {
                args = "{}";
            }

            return new MockReply(null, match.Groups[1].Value, args);
        }

        return new MockReply(lastUserText, null, null);
    }

    /// <summary>Deterministic "token" count: whitespace-separated words (at least 1).</summary>
    public static int CountTokens(string text) =>
        Math.Max(1, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);

    /// <summary>Splits text into stream chunks: words (with their trailing space) or fixed-size pieces.</summary>
    public static IEnumerable<string> Chunk(string text, int chunkSize)
    {
        if (text.Length == 0)
        {
            yield break;
        }

        if (chunkSize > 0)
        {
            for (var i = 0; i < text.Length; i += chunkSize)
            {
                yield return text.Substring(i, Math.Min(chunkSize, text.Length - i));
            }

            yield break;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
