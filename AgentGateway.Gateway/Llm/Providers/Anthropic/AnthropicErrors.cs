using System.Text.Json;

namespace AgentGateway.Llm.Providers.Anthropic;

/// <summary>
/// Anthropic's error answers as exceptions the failover logic classifies: an error status becomes an
/// <see cref="HttpRequestException"/> with that status (message <c>Status Code: …</c> plus the body, as the SDK
/// reported it, so 4xx texts reach the client unchanged); an <c>error</c> event inside a stream becomes an
/// <see cref="AnthropicStreamException"/>, which carries no status — like the SDK's, it reads as a failed call (502).
/// </summary>
internal static class AnthropicErrors
{
    public static async Task<HttpRequestException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = response.StatusCode;
        var message = body.Length == 0 ? $"Status Code: {status}" : $"Status Code: {status}\n{body}";
        return new HttpRequestException(message, null, status);
    }

    public static AnthropicStreamException FromEvent(JsonElement data)
    {
        var type = data.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new AnthropicStreamException("The provider sent an error event: " + (type ?? "unknown"));
    }
}

/// <summary>An <c>error</c> event in an Anthropic stream (e.g. <c>overloaded_error</c> after the answer began).</summary>
internal sealed class AnthropicStreamException(string message) : Exception(message);
