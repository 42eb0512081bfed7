using System.Text.Json;

namespace AgentGateway.Routing;

/// <summary>
/// Gateway-raised errors for JSON-RPC protocols (mcp, a2a), whose clients understand nothing else: a JSON-RPC
/// error with id null (the request body was not read), code -32000 and the gateway's error type in <c>data</c>.
/// </summary>
internal sealed class JsonRpcErrorWriter(string kind) : IBackendErrorWriter
{
    /// <summary>JSON-RPC "server error" code used for gateway-side failures.</summary>
    public const int ServerError = -32000;

    public string Kind { get; } = kind;

    public async Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNull("id");
        writer.WriteStartObject("error");
        writer.WriteNumber("code", ServerError);
        writer.WriteString("message", message);
        writer.WriteStartObject("data");
        writer.WriteString("type", type);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(CancellationToken.None);
    }
}
