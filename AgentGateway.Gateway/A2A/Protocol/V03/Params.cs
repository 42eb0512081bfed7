using System.Text.Json;

namespace AgentGateway.A2A.Protocol.V03;

/// <summary>Params of <c>message/send</c> and <c>message/stream</c>.</summary>
internal sealed record MessageSendParams
{
    public required Message Message { get; init; }
    public MessageSendConfiguration? Configuration { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}

internal sealed record MessageSendConfiguration
{
    public IReadOnlyList<string>? AcceptedOutputModes { get; init; }
    public int? HistoryLength { get; init; }
    public bool? Blocking { get; init; }
}

/// <summary>Params of <c>tasks/get</c>, <c>tasks/cancel</c> and <c>tasks/resubscribe</c>.</summary>
internal sealed record TaskQueryParams
{
    public required string Id { get; init; }
    public int? HistoryLength { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
