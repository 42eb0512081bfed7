using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentGateway.Bench;

/// <summary>
/// A raw Streamable HTTP MCP client (no SDK, so the load generator costs the same against every server):
/// initialize once, then POST JSON-RPC requests with the Mcp-Session-Id; answers may be JSON or one SSE event.
/// </summary>
internal static partial class McpRaw
{
    public const string Protocol = "2025-06-18";

    public static string ToolCall(string tool, string argumentsJson) =>
        $$$"""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{argumentsJson}}}}}""";

    public const string ToolsList = """{"jsonrpc":"2.0","id":3,"method":"tools/list","params":{}}""";

    /// <summary>The headers every request of a session carries (also written into the wrk script).</summary>
    public static Dictionary<string, string> SessionHeaders(string? sessionId)
    {
        var headers = new Dictionary<string, string>
        {
            ["Accept"] = "application/json, text/event-stream",
            ["MCP-Protocol-Version"] = Protocol,
        };
        if (sessionId is not null)
        {
            headers["Mcp-Session-Id"] = sessionId;
        }

        return headers;
    }

    /// <summary>Initializes a session and sends notifications/initialized; returns the session id (null for a stateless server).</summary>
    public static async Task<string?> InitializeAsync(HttpClient client, string url)
    {
        const string init = $$$"""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"{{{Protocol}}}","capabilities":{},"clientInfo":{"name":"bench","version":"1.0"} } }""";
        using var response = await PostAsync(client, url, null, init);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("\"result\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"initialize at {url} failed: {(int)response.StatusCode} {body}");
        }

        var sessionId = response.Headers.TryGetValues("Mcp-Session-Id", out var values) ? values.First() : null;
        using var initialized = await PostAsync(client, url, sessionId, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        if (!initialized.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"notifications/initialized at {url} failed: {(int)initialized.StatusCode}");
        }

        return sessionId;
    }

    /// <summary>
    /// Opens <paramref name="count"/> sessions, 16 at a time (initialize + notifications/initialized, then one
    /// tools/list when <paramref name="listTools"/>); throws unless every one opened.
    /// </summary>
    public static async Task OpenSessionsAsync(string url, int count, bool listTools)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 16 };
        using var client = new HttpClient(handler);
        var opened = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
        {
            var session = await InitializeAsync(client, url);
            if (session is not null && (!listTools || (await SendAsync(client, url, session, ToolsList)).Ok))
            {
                Interlocked.Increment(ref opened);
            }
        });
        if (opened != count)
        {
            throw new InvalidOperationException($"only {opened} of {count} sessions opened at {url}");
        }
    }

    /// <summary>Sends one request and returns the JSON-RPC message text (the SSE data line or the JSON body).</summary>
    public static async Task<(bool Ok, string Message)> SendAsync(HttpClient client, string url, string? sessionId, string body)
    {
        using var response = await PostAsync(client, url, sessionId, body);
        var text = await response.Content.ReadAsStringAsync();
        var message = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? LastData(text) : text;
        var ok = response.IsSuccessStatusCode && message.Contains("\"result\"", StringComparison.Ordinal)
                 && !message.Contains("\"isError\":true", StringComparison.Ordinal);
        return (ok, message);
    }

    /// <summary>
    /// A complete tools/list: follows nextCursor until the last page (the gateway pages a federated list one
    /// target at a time). Returns whether every page succeeded, the page count and all pages' text.
    /// </summary>
    public static async Task<(bool Ok, int Pages, string Messages)> ListAllToolsAsync(HttpClient client, string url, string? sessionId)
    {
        var all = new StringBuilder();
        string? cursor = null;
        var pages = 0;
        do
        {
            var body = cursor is null ? ToolsList : $$$"""{"jsonrpc":"2.0","id":3,"method":"tools/list","params":{"cursor":"{{{cursor}}}"} }""";
            var (ok, message) = await SendAsync(client, url, sessionId, body);
            if (!ok || ++pages > 1000)
            {
                return (false, pages, message);
            }

            all.Append(message);
            var next = NextCursor().Match(message);
            cursor = next.Success ? next.Groups[1].Value : null;
        }
        while (cursor is not null);

        return (true, pages, all.ToString());
    }

    [GeneratedRegex("\"nextCursor\":\"([^\"]+)\"")]
    private static partial Regex NextCursor();

    private static string LastData(string sse) =>
        sse.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].Trim()).LastOrDefault() ?? "";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? sessionId, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (k, v) in SessionHeaders(sessionId))
        {
            request.Headers.TryAddWithoutValidation(k, v);
        }

        return client.SendAsync(request);
    }
}
