using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace AgentGateway.Tests.A2A;

/// <summary>Plain-HTTP A2A calls for the versions and bindings the JS client does not cover, and raw checks.</summary>
internal static class A2AHttp
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<JsonElement> JsonRpcAsync(HttpClient client, string path, string method, object? parameters, object? id = null,
        string? version = null, CancellationToken ct = default)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = id ?? 1, method, @params = parameters }, Options);
        return await PostRawAsync(client, path, body, version, ct);
    }

    public static async Task<JsonElement> PostRawAsync(HttpClient client, string path, string body, string? version = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (version is not null)
        {
            request.Headers.Add("A2A-Version", version);
        }

        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Starts a streaming JSON-RPC call and yields each SSE event's data as soon as it arrives.</summary>
    public static async IAsyncEnumerable<JsonElement> StreamAsync(HttpClient client, string path, string method, object parameters,
        string? version = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = "s1", method, @params = parameters }, Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (version is not null)
        {
            request.Headers.Add("A2A-Version", version);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                yield return JsonDocument.Parse(line[5..].Trim()).RootElement.Clone();
            }
        }
    }

    public static object V03Message(string text, string? taskId = null, bool blocking = true) => new
    {
        message = new { kind = "message", messageId = Guid.NewGuid().ToString(), role = "user", parts = new[] { new { kind = "text", text } }, taskId },
        configuration = new { blocking },
    };

    public static object V1Message(string text, string? taskId = null, bool returnImmediately = false) => new
    {
        message = new { messageId = Guid.NewGuid().ToString(), role = "ROLE_USER", parts = new[] { new { text } }, taskId },
        configuration = new { returnImmediately },
    };
}
