using System.Text.Json;

namespace AgentGateway.Llm.Wire;

/// <summary>The two error bodies: OpenAI <c>{"error":{...}}</c> and Anthropic <c>{"type":"error","error":{...}}</c>.</summary>
internal static class ErrorShapes
{
    public static byte[] OpenAi(int status, string message, string? param, string? code) => Serialize(w =>
    {
        w.WriteStartObject("error");
        w.WriteString("message", message);
        w.WriteString("type", OpenAiType(status));
        WriteNullable(w, "param", param);
        WriteNullable(w, "code", code);
        w.WriteEndObject();
    });

    public static byte[] Anthropic(int status, string message) => Serialize(w =>
    {
        w.WriteString("type", "error");
        w.WriteStartObject("error");
        w.WriteString("type", AnthropicType(status));
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    private static byte[] Serialize(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            members(w);
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
