using System.Text.Json;

namespace AgentGateway.A2A.Protocol.V1;

internal sealed record Message
{
    public required string MessageId { get; init; }
    public string? ContextId { get; init; }
    public string? TaskId { get; init; }
    /// <summary><see cref="Roles.User"/> or <see cref="Roles.Agent"/>.</summary>
    public required string Role { get; init; }
    public required IReadOnlyList<Part> Parts { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
    public IReadOnlyList<string>? Extensions { get; init; }
    public IReadOnlyList<string>? ReferenceTaskIds { get; init; }
}

internal static class Roles
{
    public const string User = "ROLE_USER";
    public const string Agent = "ROLE_AGENT";
}
