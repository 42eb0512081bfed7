using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Llm.Wire;

/// <summary>Writes errors in each API's own shape (OpenAI <c>{"error":{...}}</c>, Anthropic <c>{"type":"error",...}</c>).</summary>
internal static class ErrorWriter
{
    public static async Task WriteAsync(HttpContext context, LlmApi api, int status, string message, string? param = null, string? code = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(Serialize(api, status, message, param, code), context.RequestAborted);
    }

    /// <summary>An error in the middle of a stream, after the status line has gone out.</summary>
    public static async Task WriteStreamErrorAsync(HttpContext context, LlmApi api, int status, string message)
    {
        var json = Serialize(api, status, message, null, null);
        var prefix = api == LlmApi.Anthropic ? "event: error\ndata: "u8.ToArray() : "data: "u8.ToArray();
        await context.Response.Body.WriteAsync(prefix, context.RequestAborted);
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
        await context.Response.Body.WriteAsync("\n\n"u8.ToArray(), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public static byte[] Serialize(LlmApi api, int status, string message, string? param, string? code)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (api == LlmApi.Anthropic)
            {
                w.WriteString("type", "error");
                w.WriteStartObject("error");
                w.WriteString("type", AnthropicType(status));
                w.WriteString("message", message);
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartObject("error");
                w.WriteString("message", message);
                w.WriteString("type", OpenAiType(status));
                WriteNullable(w, "param", param);
                WriteNullable(w, "code", code);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static string OpenAiType(int status) => status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        429 => "rate_limit_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };

    private static string AnthropicType(int status) => status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        529 or 503 => "overloaded_error",
        >= 500 => "api_error",
        _ => "invalid_request_error",
    };
}
