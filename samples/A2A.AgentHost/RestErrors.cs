using System.Text.Json;
using System.Text.Json.Serialization;

namespace A2A.AgentHost;

/// <summary>REST error body in the google.rpc.Status style the v1.0 HTTP+JSON binding uses.</summary>
internal sealed record ErrorBody(ErrorDetail Error);

internal sealed record ErrorDetail(int Code, string Message);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class RestJsonContext : JsonSerializerContext;
