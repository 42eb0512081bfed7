using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Endpoint;

/// <summary>Errors written before the SDK sees a request, in JSON-RPC shape (id null: the body was not read).</summary>
internal static class McpHttpErrors
{
    public static Task WriteAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        var error = new JsonRpcError { Id = default, Error = new JsonRpcErrorDetail { Code = code, Message = message } };
        return context.Response.WriteAsJsonAsync<JsonRpcMessage>(error, ModelContextProtocol.McpJsonUtilities.DefaultOptions, contentType: "application/json", context.RequestAborted);
    }
}
