namespace AgentGateway.Bench;

/// <summary>The request and canned answer of the LLM benchmark (a ~300-byte chat request, a typical non-streaming reply).</summary>
internal static class Payloads
{
    public const string ChatRequest =
        """{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a concise assistant for a travel agency."},{"role":"user","content":"Suggest three things to do in Lisbon on a rainy afternoon, one line each."}],"temperature":0.2,"max_tokens":128}""";

    public const string ChatResponse =
        """{"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"1. Tile Museum. 2. Time Out Market. 3. Gulbenkian."},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":38,"completion_tokens":18,"total_tokens":56}}""";

    public static string WrkScript(string directory, string name, IDictionary<string, string> headers, string body = ChatRequest)
    {
        var path = Path.Combine(directory, name + ".lua");
        var lines = new List<string>
        {
            "wrk.method = \"POST\"",
            $"wrk.body = [[{body}]]",
            "wrk.headers[\"Content-Type\"] = \"application/json\"",
            "wrk.headers[\"Authorization\"] = \"Bearer sk-bench\"",
        };
        lines.AddRange(headers.Select(h => $"wrk.headers[\"{h.Key}\"] = \"{h.Value}\""));
        File.WriteAllLines(path, lines);
        return path;
    }
}
