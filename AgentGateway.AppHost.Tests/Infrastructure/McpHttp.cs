using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>
/// MCP Streamable HTTP by hand (JSON-RPC over POST, JSON or SSE answers): this project cannot reference the MCP
/// SDK the gateway uses (see the csproj), and a raw client also shows exactly what crosses the wire.
/// </summary>
internal static class McpHttp
{
    public const string ProtocolVersion = "2025-11-25";

    public static HttpRequestMessage Post(Uri endpoint, string json, string? sessionId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        }

        return request;
    }

    /// <summary>initialize + notifications/initialized; returns the session id the gateway gave.</summary>
    public static async Task<string> InitializeAsync(HttpClient http, Uri endpoint, CancellationToken ct)
    {
        using var init = Post(endpoint, $$$$"""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"{{{{ProtocolVersion}}}}","capabilities":{},"clientInfo":{"name":"apphost-tests","version":"1"}}}""", null);
        using var response = await http.SendAsync(init, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"initialize: {(int)response.StatusCode} {body}");
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = Post(endpoint, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", sessionId);
        using var ack = await http.SendAsync(initialized, ct);
        ack.EnsureSuccessStatusCode();
        return sessionId;
    }

    /// <summary>tools/call; returns the JSON-RPC <c>result</c> (fails the test on an error answer).</summary>
    public static async Task<JsonElement> CallToolAsync(HttpClient http, Uri endpoint, string sessionId, int id, string tool, string argumentsJson,
        CancellationToken ct, Action<HttpRequestMessage>? configure = null)
    {
        using var call = Post(endpoint, $$$$"""{"jsonrpc":"2.0","id":{{{{id}}}},"method":"tools/call","params":{"name":"{{{{tool}}}}","arguments":{{{{argumentsJson}}}}}}""", sessionId);
        configure?.Invoke(call);
        using var response = await http.SendAsync(call, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"tools/call {tool}: {(int)response.StatusCode} {body}");
        using var message = JsonDocument.Parse(JsonRpcMessage(body, id));
        Assert.True(message.RootElement.TryGetProperty("result", out var result), $"tools/call {tool}: {body}");
        return result.Clone();
    }

    /// <summary>The JSON-RPC answer with this id, from a JSON body or from the data lines of an SSE body.</summary>
    private static string JsonRpcMessage(string body, int id)
    {
        if (body.TrimStart().StartsWith('{'))
        {
            return body;
        }

        var idText = $"\"id\":{id}";
        return body.Split('\n')
            .Where(static l => l.StartsWith("data:", StringComparison.Ordinal))
            .Select(static l => l["data:".Length..].Trim())
            .First(l => l.Replace(" ", "", StringComparison.Ordinal).Contains(idText, StringComparison.Ordinal));
    }
}
