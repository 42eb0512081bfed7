using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentGateway.Samples.WeatherMcp.Data;

/// <summary>Source-generated JSON for the dataset and the resources this server renders.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(CityDataset))]
[JsonSerializable(typeof(City))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class WeatherJson : JsonSerializerContext;
