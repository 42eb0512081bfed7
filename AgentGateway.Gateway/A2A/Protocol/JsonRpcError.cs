using System.Text.Json;

namespace AgentGateway.A2A.Protocol;

internal sealed record JsonRpcError
{
    public required int Code { get; init; }
    public required string Message { get; init; }
    public JsonElement? Data { get; init; }
}
