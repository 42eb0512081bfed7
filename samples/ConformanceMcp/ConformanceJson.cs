using System.Text.Json.Serialization;

namespace AgentGateway.Samples.ConformanceMcp;

/// <summary>Source-generated JSON metadata for the few values this server serializes itself.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
internal sealed partial class ConformanceJson : JsonSerializerContext;
