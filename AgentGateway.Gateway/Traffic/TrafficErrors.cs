using System.Text.Json;
using AgentGateway.Routing;

namespace AgentGateway.Traffic;

/// <summary>
/// Errors the traffic policies answer with, in the shape of the route's protocol: a JSON-RPC error for
/// mcp and a2a routes (clients there only understand JSON-RPC), <c>{"error":{...}}</c> for llm and http.
/// </summary>
public static class TrafficErrors
{
    /// <summary>JSON-RPC "server error" code used for gateway-side failures.</summary>
    public const int JsonRpcServerError = -32000;

    /// <summary>Writes the error unless the response already started.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        var kind = context.Features.Get<GatewayRoute>()?.Kind;
        if (kind is not (RouteKinds.Mcp or RouteKinds.A2A))
        {
            await GatewayErrors.WriteAsync(context, status, type, message);
            return;
        }

        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNull("id");
        writer.WriteStartObject("error");
        writer.WriteNumber("code", JsonRpcServerError);
        writer.WriteString("message", message);
        writer.WriteStartObject("data");
        writer.WriteString("type", type);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(CancellationToken.None);
    }
}
