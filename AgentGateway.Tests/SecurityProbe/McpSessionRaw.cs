using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// A Streamable HTTP MCP session spoken with raw JSON-RPC bodies, so tests can send what the SDK client never would
/// (1e400, duplicate keys, \u escapes). Credentials are whatever headers the given HttpClient carries.
/// </summary>
internal sealed class McpSessionRaw(HttpClient http, string path, string sessionId)
{
    public const string ProtocolVersion = "2025-11-25";
    private int _nextId = 100;

    public string SessionId { get; } = sessionId;

    /// <summary>Opens a session; <paramref name="capabilities"/> is the client's capabilities object as raw JSON.</summary>
    public static async Task<McpSessionRaw> OpenAsync(HttpClient http, string path = "/mcp", string capabilities = "{}")
    {
        using var init = await SendAsync(http, path, null,
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":""" + capabilities
            + ""","clientInfo":{"name":"probe","version":"1"}}}""");
        if (init.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"initialize answered {(int)init.StatusCode}: {await init.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        var sessionId = init.Headers.GetValues("Mcp-Session-Id").Single();
        using (await SendAsync(http, path, sessionId, """{"jsonrpc":"2.0","method":"notifications/initialized"}"""))
        {
        }

        return new McpSessionRaw(http, path, sessionId);
    }

    /// <summary>Calls a tool with the arguments given as raw JSON text; returns the JSON-RPC answer (result or error).</summary>
    public Task<(HttpStatusCode Status, JsonElement? Message)> CallToolAsync(string tool, string rawArguments) =>
        RequestAsync($$$"""{"jsonrpc":"2.0","id":{{{Interlocked.Increment(ref _nextId)}}},"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{rawArguments}}}}}""");

    /// <summary>Sends one request body in this session.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Message)> RequestAsync(string body)
    {
        using var response = await SendAsync(http, path, SessionId, body);
        return (response.StatusCode, await ReadMessageAsync(response));
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string? sessionId, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The JSON-RPC message of a plain JSON or SSE answer (the first data event); null when there is none.</summary>
    public static async Task<JsonElement?> ReadMessageAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var data = text.Split('\n').FirstOrDefault(l => l.StartsWith("data:", StringComparison.Ordinal) && l.Length > 6);
        var json = data is null ? text : data["data:".Length..];
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether an answer is the gateway's authorization denial (a JSON-RPC error naming Forbidden).</summary>
    public static bool IsForbidden(JsonElement? message) =>
        message is { } m && m.TryGetProperty("error", out var error) && error.GetProperty("message").GetString()!.Contains("Forbidden", StringComparison.Ordinal);

    /// <summary>Whether an answer is a successful tool result.</summary>
    public static bool IsResult(JsonElement? message) =>
        message is { } m && m.TryGetProperty("result", out var result) && !(result.TryGetProperty("isError", out var isError) && isError.GetBoolean());
}
