using System.Text.Json.Serialization;

namespace AgentGateway.Mcp.Sessions;

/// <summary>Source-generated JSON for session records (no reflection on the hot path).</summary>
[JsonSerializable(typeof(McpSessionRecord))]
internal sealed partial class McpSessionJson : JsonSerializerContext;
