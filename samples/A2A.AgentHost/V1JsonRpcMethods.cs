using System.Text.Json;
using AgentGateway.A2A.Protocol;
using AgentGateway.A2A.Protocol.V1;
using Microsoft.AspNetCore.Http;

namespace A2A.AgentHost;

/// <summary>The v1.0 JSON-RPC methods.</summary>
internal static class V1JsonRpcMethods
{
    private static V1JsonContext Json => V1JsonContext.Default;

    public static async Task<bool> HandleAsync(HttpContext context, TaskManager tasks, string method, JsonElement? id, JsonElement? parameters)
    {
        var ct = context.RequestAborted;
        switch (method)
        {
            case A2AMethods.SendMessage:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.SendMessageRequest);
                var (entry, _, _) = tasks.Send(request.Message);
                if (request.Configuration?.ReturnImmediately != true)
                {
                    await entry.TurnEnded.WaitAsync(ct);
                }

                var task = TaskViews.WithHistoryLength(entry.Snapshot, request.Configuration?.HistoryLength);
                await JsonRpcEndpoint.WriteAsync(context, JsonRpcWriter.Result(id, new StreamResponse { Task = task }, Json.StreamResponse));
                return true;
            }

            case A2AMethods.SendStreamingMessage:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.SendMessageRequest);
                var (_, snapshot, events) = tasks.Send(request.Message);
                await SseStream.WriteAsync(context, snapshot, events, e => JsonRpcWriter.Result(id, e, Json.StreamResponse));
                return true;
            }

            case A2AMethods.GetTask:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.TaskIdRequest);
                var task = TaskViews.WithHistoryLength(tasks.Find(request.Id).Snapshot, request.HistoryLength);
                await JsonRpcEndpoint.WriteAsync(context, JsonRpcWriter.Result(id, task, Json.AgentTask));
                return true;
            }

            case A2AMethods.CancelTask:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.TaskIdRequest);
                await JsonRpcEndpoint.WriteAsync(context, JsonRpcWriter.Result(id, tasks.Cancel(request.Id), Json.AgentTask));
                return true;
            }

            case A2AMethods.SubscribeToTask:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.TaskIdRequest);
                var (snapshot, events) = tasks.Find(request.Id).Subscribe();
                if (events is null)
                {
                    throw new A2AException(A2AErrorCodes.UnsupportedOperation, $"task {request.Id} is {snapshot.Status.State}; nothing to subscribe to");
                }

                await SseStream.WriteAsync(context, snapshot, events, e => JsonRpcWriter.Result(id, e, Json.StreamResponse));
                return true;
            }

            case A2AMethods.ListTasks:
            {
                var request = parameters is { ValueKind: JsonValueKind.Object } ? JsonRpcEndpoint.Params(parameters, Json.ListTasksRequest) : new ListTasksRequest();
                var list = TaskViews.Page(tasks.List(request.ContextId, request.Status), request);
                await JsonRpcEndpoint.WriteAsync(context, JsonRpcWriter.Result(id, list, Json.ListTasksResponse));
                return true;
            }

            case A2AMethods.CreateTaskPushNotificationConfig or A2AMethods.GetTaskPushNotificationConfig
                or A2AMethods.ListTaskPushNotificationConfigs or A2AMethods.DeleteTaskPushNotificationConfig:
                throw new A2AException(A2AErrorCodes.PushNotificationNotSupported, "Push notifications are not supported by this agent");

            case A2AMethods.GetExtendedAgentCard:
                throw new A2AException(A2AErrorCodes.ExtendedAgentCardNotConfigured, "This agent has no extended card");

            default:
                return false;
        }
    }
}
