using System.Text.Json;

namespace AgentGateway.Routing;

/// <summary>Writes the gateway's own JSON errors (<c>{"error":{"type","message"}}</c>) for requests no backend saw.</summary>
public static class GatewayErrors
{
    /// <summary>Writes an error response unless the response already started.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("type", type);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
