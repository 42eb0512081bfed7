using System.Text.Json;
using AgentGateway.A2A.Protocol;
using Microsoft.AspNetCore.Http;

namespace A2A.AgentHost;

/// <summary>
/// POST handler for the JSON-RPC binding. The method name tells the version apart: v0.3 methods are
/// "noun/verb" (message/send), v1.0 methods are PascalCase (SendMessage).
/// </summary>
internal sealed class JsonRpcEndpoint(TaskManager tasks)
{
    public async Task HandleAsync(HttpContext context)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            await WriteAsync(context, JsonRpcWriter.Error(null, A2AErrorCodes.ParseError, "Parse error: the body is not valid JSON"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement? id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var idElement)
                ? idElement.Clone()
                : null;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0"
                || !root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
            {
                await WriteAsync(context, JsonRpcWriter.Error(id, A2AErrorCodes.InvalidRequest, "Invalid Request: expected a JSON-RPC 2.0 object with a method"));
                return;
            }

            var method = methodElement.GetString()!;
            JsonElement? parameters = root.TryGetProperty("params", out var p) ? p : null;
            try
            {
                var handled = method.Contains('/', StringComparison.Ordinal)
                    ? await V03JsonRpcMethods.HandleAsync(context, tasks, method, id, parameters)
                    : await V1JsonRpcMethods.HandleAsync(context, tasks, method, id, parameters);
                if (!handled)
                {
                    await WriteAsync(context, JsonRpcWriter.Error(id, A2AErrorCodes.MethodNotFound, $"Method not found: {method}"));
                }
            }
            catch (A2AException ex) when (!context.Response.HasStarted)
            {
                await WriteAsync(context, JsonRpcWriter.Error(id, ex.Code, ex.Message));
            }
            catch (JsonException ex) when (!context.Response.HasStarted)
            {
                await WriteAsync(context, JsonRpcWriter.Error(id, A2AErrorCodes.InvalidParams, "Invalid params: " + ex.Message));
            }
        }
    }

    public static async Task WriteAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Deserializes params, turning "absent" and "null" into an invalid-params error.</summary>
    public static T Params<T>(JsonElement? parameters, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        parameters is { ValueKind: JsonValueKind.Object } p && p.Deserialize(typeInfo) is { } value
            ? value
            : throw new A2AException(A2AErrorCodes.InvalidParams, "Invalid params: expected an object");
}
