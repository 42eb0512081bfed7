using System.Net.Http.Headers;
using System.Text.Json;
using AgentGateway.A2A.Protocol;
using AgentGateway.Routing;
using AgentGateway.Security;

namespace AgentGateway.A2A;

/// <summary>
/// Proxies the JSON-RPC binding: buffers the (small) request to read method and ids, authorizes the method,
/// forwards the exact bytes, and streams the answer back while inspecting results and events.
/// </summary>
internal sealed class A2AJsonRpcProxy(A2AUpstream upstream, IRequestAuthorizer authorizer, ILogger<A2AJsonRpcProxy> logger)
{
    public async Task HandleAsync(HttpContext context, GatewayRoute route, A2ABackendConfig backend)
    {
        var body = await ReadBodyAsync(context);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            Log.BadRequest(logger, route.Name, route.Backend, "malformed JSON");
            await A2AErrors.WriteJsonRpcAsync(context, null, A2AErrorCodes.ParseError, "Parse error: the request body is not valid JSON");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement? id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var idElement) ? idElement.Clone() : null;
            if (Validate(root) is { } problem)
            {
                Log.BadRequest(logger, route.Name, route.Backend, problem);
                await A2AErrors.WriteJsonRpcAsync(context, id, A2AErrorCodes.InvalidRequest, "Invalid Request: " + problem);
                return;
            }

            var info = new A2ACallInfo(route.Backend, root.GetProperty("method").GetString()!, "jsonrpc");
            if (root.TryGetProperty("params", out var parameters))
            {
                A2AInspector.InspectParams(parameters, info);
            }

            var decision = await A2AAuthorization.AuthorizeAsync(authorizer, context, route.Backend, info.Method);
            if (!decision.Allowed)
            {
                Log.Denied(logger, route.Name, route.Backend, info.Method);
                A2ATelemetry.Stop(null, info, "denied");
                await A2AErrors.WriteJsonRpcAsync(context, id, A2AErrorCodes.Forbidden, A2AAuthorization.DeniedMessage(route.Backend, info.Method));
                return;
            }

            await ForwardAsync(context, route, backend, body, id, info);
        }
    }

    private async Task ForwardAsync(HttpContext context, GatewayRoute route, A2ABackendConfig backend, byte[] body, JsonElement? id, A2ACallInfo info)
    {
        var target = A2AUpstream.Target(backend, context);
        var activity = A2ATelemetry.Start(info, target);
        var outcome = "ok";
        try
        {
            var content = new ByteArrayContent(body);
            using var request = A2AUpstream.CreateRequest(context, backend, HttpMethod.Post, target, content);
            content.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");
            HttpResponseMessage response;
            try
            {
                response = await upstream.SendAsync(backend, request, context.RequestAborted);
            }
            catch (HttpRequestException ex)
            {
                outcome = "unavailable";
                Log.AgentUnreachable(logger, route.Name, route.Backend, target, ex.Message);
                await A2AErrors.WriteJsonRpcAsync(context, id, A2AErrorCodes.AgentUnavailable,
                    $"Agent '{route.Backend}' is unreachable: {ex.Message}");
                return;
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType != "application/json")
                {
                    // Not a JSON-RPC answer (a proxy error page, a wrong path): say which agent failed and how.
                    outcome = "unavailable";
                    await A2AErrors.WriteJsonRpcAsync(context, id, A2AErrorCodes.AgentUnavailable,
                        $"Agent '{route.Backend}' answered HTTP {(int)response.StatusCode} instead of a JSON-RPC response");
                    return;
                }

                if (info.Method is A2AMethods.GetExtendedAgentCard or A2AMethods.GetAuthenticatedExtendedCard)
                {
                    await A2ACardService.CopyRewrittenCardAsync(context, response, route, backend, jsonRpc: true);
                }
                else
                {
                    await A2AUpstream.CopyResponseAsync(context, response, info);
                }

                outcome = info.AgentError ? "error" : "ok";
            }
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            outcome = "client_aborted";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            outcome = "unavailable";
            Log.AgentUnreachable(logger, route.Name, route.Backend, target, ex.Message);
            if (context.Response.HasStarted)
            {
                // The agent dropped the connection mid-stream: end the client's stream the same way.
                context.Abort();
            }
            else
            {
                await A2AErrors.WriteJsonRpcAsync(context, id, A2AErrorCodes.AgentUnavailable, $"Agent '{route.Backend}' failed: {ex.Message}");
            }
        }
        finally
        {
            A2ATelemetry.Stop(activity, info, outcome);
        }
    }

    private static string? Validate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return root.ValueKind == JsonValueKind.Array ? "batch requests are not supported" : "the request must be a JSON object";
        }

        if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
        {
            return "\"jsonrpc\" must be \"2.0\"";
        }

        if (!root.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String || method.GetString()!.Length == 0)
        {
            return "\"method\" must be a non-empty string";
        }

        if (root.TryGetProperty("id", out var id) && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
        {
            return "\"id\" must be a string, a number or null";
        }

        return null;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}
