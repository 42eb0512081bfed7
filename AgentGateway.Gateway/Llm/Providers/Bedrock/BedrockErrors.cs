using System.Net;
using System.Text.Json;

namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>
/// Turns Bedrock's error answers (a status with <c>{"message": …}</c>, or an exception frame inside a stream) into
/// <see cref="HttpRequestException"/>s with a status, which the failover logic classifies like any provider's.
/// </summary>
internal static class BedrockErrors
{
    public static async Task<HttpRequestException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new HttpRequestException(Message(body) ?? response.ReasonPhrase ?? "error", null, response.StatusCode);
    }

    public static HttpRequestException FromStreamException(EventStreamMessage message)
    {
        var type = message.ExceptionType ?? message.Header(":error-code") ?? "unknown";
        var status = type switch
        {
            "throttlingException" => HttpStatusCode.TooManyRequests,
            "validationException" => HttpStatusCode.BadRequest,
            "accessDeniedException" => HttpStatusCode.Forbidden,
            "resourceNotFoundException" => HttpStatusCode.NotFound,
            "modelTimeoutException" => HttpStatusCode.RequestTimeout,
            "serviceUnavailableException" => HttpStatusCode.ServiceUnavailable,
            _ => HttpStatusCode.BadGateway,
        };
        return new HttpRequestException(type + ": " + (Message(message.Payload.Span) ?? message.Header(":error-message") ?? ""), null, status);
    }

    private static string? Message(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && (doc.RootElement.TryGetProperty("message", out var m) || doc.RootElement.TryGetProperty("Message", out m))
                ? m.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
