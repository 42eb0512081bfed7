using System.Text.Json;

namespace AgentGateway.Routing;

/// <summary>
/// Every error the gateway raises itself (authentication, authorization, body limits, rate limits, timeouts, CORS),
/// in the shape the route's clients understand: the <see cref="IBackendErrorWriter"/> registered for the route's
/// kind (OpenAI/Anthropic errors on llm routes, JSON-RPC on mcp and a2a), else the gateway's own JSON
/// (<c>{"error":{"type","message"}}</c>), which is also what requests matching no route get.
/// </summary>
public static class GatewayErrors
{
    /// <summary>Writes an error response unless the response already started.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        if (context.Features.Get<GatewayRoute>() is { } route
            && context.RequestServices?.GetService<BackendErrorWriters>()?.For(route.Kind) is { } kindWriter)
        {
            await kindWriter.WriteAsync(context, status, type, message);
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
