using System.Net;
using System.Text.Json;

namespace AgentGateway.Llm.Providers.Google;

/// <summary>Google's error object (<c>{"error":{"code","message","status"}}</c>) as an exception with a status for failover.</summary>
internal static class GeminiErrors
{
    public static HttpRequestException From(JsonElement error, HttpStatusCode? status)
    {
        var code = status ?? (error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? (HttpStatusCode)n : HttpStatusCode.BadGateway);
        var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
        var reason = error.TryGetProperty("status", out var s) ? s.GetString() : null;
        return new HttpRequestException($"{reason}: {message}", null, code);
    }
}
