using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentGateway.A2A.Protocol;

/// <summary>A JSON-RPC 2.0 response: exactly one of <c>Result</c> or <c>Error</c> is set.</summary>
internal sealed record JsonRpcResponse
{
    [JsonPropertyName("jsonrpc")]
    public string JsonRpc { get; init; } = "2.0";

    // The id is written even when null: JSON-RPC requires it on every response.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Id { get; init; }

    public JsonElement? Result { get; init; }
    public JsonRpcError? Error { get; init; }
}
