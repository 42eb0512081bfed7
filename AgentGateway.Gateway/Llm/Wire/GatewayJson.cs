using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace AgentGateway.Llm.Wire;

/// <summary>Shortcuts to the source-generated type info.</summary>
internal static class GatewayJson
{
    public static JsonTypeInfo<JsonNode> Node => GatewayJsonContext.Default.JsonNode;
}
