namespace AgentGateway.Bench;

/// <summary>One MCP endpoint under load: an initialized session and the request sent to it over and over.</summary>
internal sealed record McpTarget(string Name, string Url, string? SessionId, string Body, string WrkScript)
{
    public Task<(bool Ok, string Message)> SendAsync(HttpClient client) => McpRaw.SendAsync(client, Url, SessionId, Body);

    public static async Task<McpTarget> OpenAsync(string work, string name, string url, string body)
    {
        using var client = new HttpClient();
        var session = await McpRaw.InitializeAsync(client, url);
        var script = Payloads.WrkScript(work, "mcp-" + new string(name.Where(char.IsLetterOrDigit).ToArray()), McpRaw.SessionHeaders(session), body);
        var target = new McpTarget(name, url, session, body, script);
        var (ok, message) = await target.SendAsync(client);
        if (!ok)
        {
            throw new InvalidOperationException($"{name} did not answer {body} with a result: {message}");
        }

        return target;
    }
}
