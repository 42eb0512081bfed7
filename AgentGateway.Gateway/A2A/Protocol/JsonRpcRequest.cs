using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentGateway.A2A.Protocol;

/// <summary>A JSON-RPC 2.0 request envelope. <c>Id</c> and <c>Params</c> stay raw JSON because their shape
/// depends on the method (and ids may be strings, numbers or null).</summary>
internal sealed record JsonRpcRequest
{
    [JsonPropertyName("jsonrpc")]
    public string JsonRpc { get; init; } = "2.0";
    public JsonElement? Id { get; init; }
    public required string Method { get; init; }
    public JsonElement? Params { get; init; }
}
