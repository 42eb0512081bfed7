using System.Text.Json;
using AgentGateway.A2A.Protocol;
using AgentGateway.A2A.Protocol.V1;
using Microsoft.AspNetCore.Http;

namespace A2A.AgentHost;

/// <summary>
/// The v1.0 HTTP+JSON binding under <c>/rest</c>: POST message:send | message:stream, GET tasks, GET tasks/{id},
/// POST tasks/{id}:cancel, GET|POST tasks/{id}:subscribe. Dispatched by hand because the operation names
/// contain ':' which route templates treat specially.
/// </summary>
internal static class RestEndpoint
{
    private static V1JsonContext Json => V1JsonContext.Default;

    public static async Task HandleAsync(HttpContext context, TaskManager tasks)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        var ct = context.RequestAborted;
        try
        {
            if (HttpMethods.IsPost(method) && path == "/message:send")
            {
                var request = await ReadAsync(context, Json.SendMessageRequest);
                var (entry, _, _) = tasks.Send(request.Message);
                if (request.Configuration?.ReturnImmediately != true)
                {
                    await entry.TurnEnded.WaitAsync(ct);
                }

                await context.Response.WriteAsJsonAsync(new StreamResponse { Task = entry.Snapshot }, Json.StreamResponse, "application/json", ct);
            }
            else if (HttpMethods.IsPost(method) && path == "/message:stream")
            {
                var request = await ReadAsync(context, Json.SendMessageRequest);
                var (_, snapshot, events) = tasks.Send(request.Message);
                await SseStream.WriteAsync(context, snapshot, events, e => JsonSerializer.SerializeToUtf8Bytes(e, Json.StreamResponse));
            }
            else if (HttpMethods.IsGet(method) && path is "/tasks" or "/tasks/")
            {
                var q = context.Request.Query;
                var request = new ListTasksRequest
                {
                    ContextId = q["contextId"],
                    Status = q["status"],
                    PageToken = q["pageToken"],
                    PageSize = int.TryParse(q["pageSize"], out var size) ? size : null,
                };
                await context.Response.WriteAsJsonAsync(TaskViews.Page(tasks.List(request.ContextId, request.Status), request), Json.ListTasksResponse, "application/json", ct);
            }
            else if (path.StartsWith("/tasks/", StringComparison.Ordinal))
            {
                await HandleTaskAsync(context, tasks, path["/tasks/".Length..], method);
            }
            else
            {
                await ErrorAsync(context, StatusCodes.Status404NotFound, $"no operation {method} {path}");
            }
        }
        catch (A2AException ex) when (!context.Response.HasStarted)
        {
            await ErrorAsync(context, ex.Code == A2AErrorCodes.TaskNotFound ? 404 : ex.Code == A2AErrorCodes.TaskNotCancelable ? 409 : 400, ex.Message);
        }
        catch (JsonException ex) when (!context.Response.HasStarted)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid JSON body: " + ex.Message);
        }
    }

    private static async Task HandleTaskAsync(HttpContext context, TaskManager tasks, string rest, string method)
    {
        var ct = context.RequestAborted;
        if (rest.EndsWith(":cancel", StringComparison.Ordinal) && HttpMethods.IsPost(method))
        {
            await context.Response.WriteAsJsonAsync(tasks.Cancel(rest[..^":cancel".Length]), Json.AgentTask, "application/json", ct);
        }
        else if (rest.EndsWith(":subscribe", StringComparison.Ordinal))
        {
            var id = rest[..^":subscribe".Length];
            var (snapshot, events) = tasks.Find(id).Subscribe();
            if (events is null)
            {
                throw new A2AException(A2AErrorCodes.UnsupportedOperation, $"task {id} is {snapshot.Status.State}; nothing to subscribe to");
            }

            await SseStream.WriteAsync(context, snapshot, events, e => JsonSerializer.SerializeToUtf8Bytes(e, Json.StreamResponse));
        }
        else if (HttpMethods.IsGet(method) && !rest.Contains('/', StringComparison.Ordinal))
        {
            var historyLength = int.TryParse(context.Request.Query["historyLength"], out var n) ? n : (int?)null;
            await context.Response.WriteAsJsonAsync(TaskViews.WithHistoryLength(tasks.Find(rest).Snapshot, historyLength), Json.AgentTask, "application/json", ct);
        }
        else
        {
            throw new A2AException(A2AErrorCodes.PushNotificationNotSupported, "push notifications are not supported by this agent");
        }
    }

    private static async Task<T> ReadAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted)
        ?? throw new A2AException(A2AErrorCodes.InvalidParams, "expected a JSON object body");

    private static Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorBody(new ErrorDetail(status, message)), RestJsonContext.Default.ErrorBody, "application/json", context.RequestAborted);
    }
}
