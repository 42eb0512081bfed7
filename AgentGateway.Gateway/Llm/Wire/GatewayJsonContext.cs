using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AgentGateway.Llm.Wire;

/// <summary>Source-generated JSON metadata for the few node/element conversions we need.</summary>
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
