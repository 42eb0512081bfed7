using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentGateway.A2A.Protocol;

/// <summary>Source-generated serializers for the v0.3 wire types. Out-of-order metadata is allowed because
/// other SDKs do not always write <c>kind</c> first.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(JsonRpcRequest))]
[JsonSerializable(typeof(JsonRpcResponse))]
[JsonSerializable(typeof(V03.AgentCard))]
[JsonSerializable(typeof(V03.Message))]
[JsonSerializable(typeof(V03.AgentTask))]
[JsonSerializable(typeof(V03.TaskStatusUpdateEvent))]
[JsonSerializable(typeof(V03.TaskArtifactUpdateEvent))]
[JsonSerializable(typeof(V03.MessageSendParams))]
[JsonSerializable(typeof(V03.TaskQueryParams))]
internal sealed partial class V03JsonContext : JsonSerializerContext;

/// <summary>Source-generated serializers for the v1.0 wire types (ProtoJSON: camelCase, enums as names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonRpcRequest))]
[JsonSerializable(typeof(JsonRpcResponse))]
[JsonSerializable(typeof(V1.AgentCard))]
[JsonSerializable(typeof(IReadOnlyList<V1.AgentInterface>))]
[JsonSerializable(typeof(V1.Message))]
[JsonSerializable(typeof(V1.AgentTask))]
[JsonSerializable(typeof(V1.StreamResponse))]
[JsonSerializable(typeof(V1.SendMessageRequest))]
[JsonSerializable(typeof(V1.TaskIdRequest))]
[JsonSerializable(typeof(V1.ListTasksRequest))]
[JsonSerializable(typeof(V1.ListTasksResponse))]
internal sealed partial class V1JsonContext : JsonSerializerContext;
