using System.Text.Json;
using AgentGateway.A2A.Protocol;
using AgentGateway.A2A.Protocol.V03;
using Microsoft.AspNetCore.Http;
using V1 = AgentGateway.A2A.Protocol.V1;

namespace A2A.AgentHost;

/// <summary>The v0.3 JSON-RPC methods, served from the same v1.0 task model.</summary>
internal static class V03JsonRpcMethods
{
    private static V03JsonContext Json => V03JsonContext.Default;

    public static async Task<bool> HandleAsync(HttpContext context, TaskManager tasks, string method, JsonElement? id, JsonElement? parameters)
    {
        var ct = context.RequestAborted;
        switch (method)
        {
            case A2AMethods.MessageSend:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.MessageSendParams);
                var (entry, _, _) = tasks.Send(V03Mapper.ToV1(request.Message));
                if (request.Configuration?.Blocking != false)
                {
                    await entry.TurnEnded.WaitAsync(ct);
                }

                var task = TaskViews.WithHistoryLength(entry.Snapshot, request.Configuration?.HistoryLength);
                await JsonRpcEndpoint.WriteAsync(context, JsonRpcWriter.Result(id, V03Mapper.ToV03(task), Json.AgentTask));
                return true;
            }

            case A2AMethods.MessageStream:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.MessageSendParams);
                var (_, snapshot, events) = tasks.Send(V03Mapper.ToV1(request.Message));
                await SseStream.WriteAsync(context, snapshot, events, e => Format(id, e));
                return true;
            }

            case A2AMethods.TasksGet:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.TaskQueryParams);
                var task = TaskViews.WithHistoryLength(tasks.Find(request.Id).Snapshot, request.HistoryLength);
                await JsonRpcEndpoint.WriteAsync(context, JsonRpcWriter.Result(id, V03Mapper.ToV03(task), Json.AgentTask));
                return true;
            }

            case A2AMethods.TasksCancel:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.TaskQueryParams);
                await JsonRpcEndpoint.WriteAsync(context, JsonRpcWriter.Result(id, V03Mapper.ToV03(tasks.Cancel(request.Id)), Json.AgentTask));
                return true;
            }

            case A2AMethods.TasksResubscribe:
            {
                var request = JsonRpcEndpoint.Params(parameters, Json.TaskQueryParams);
                var (snapshot, events) = tasks.Find(request.Id).Subscribe();
                if (events is null)
                {
                    throw new A2AException(A2AErrorCodes.UnsupportedOperation, $"task {request.Id} is {TaskStateNames.ToV03(snapshot.Status.State)}; nothing to resubscribe to");
                }

                await SseStream.WriteAsync(context, snapshot, events, e => Format(id, e));
                return true;
            }

            case A2AMethods.PushConfigSet or A2AMethods.PushConfigGet or A2AMethods.PushConfigList or A2AMethods.PushConfigDelete:
                throw new A2AException(A2AErrorCodes.PushNotificationNotSupported, "Push notifications are not supported by this agent");

            case A2AMethods.GetAuthenticatedExtendedCard:
                throw new A2AException(A2AErrorCodes.ExtendedAgentCardNotConfigured, "This agent has no extended card");

            default:
                return false;
        }
    }

    /// <summary>v0.3 streams carry the bare object, discriminated by its <c>kind</c>.</summary>
    private static byte[] Format(JsonElement? id, V1.StreamResponse update) => update switch
    {
        { Task: { } t } => JsonRpcWriter.Result(id, V03Mapper.ToV03(t), Json.AgentTask),
        { Message: { } m } => JsonRpcWriter.Result(id, V03Mapper.ToV03(m), Json.Message),
        { StatusUpdate: { } s } => JsonRpcWriter.Result(id, V03Mapper.ToV03(s), Json.TaskStatusUpdateEvent),
        { ArtifactUpdate: { } a } => JsonRpcWriter.Result(id, V03Mapper.ToV03(a), Json.TaskArtifactUpdateEvent),
        _ => throw new InvalidOperationException("empty stream response"),
    };
}
