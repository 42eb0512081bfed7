using System.Text.Json;
using ModelContextProtocol;

namespace AgentGateway.Samples.WeatherMcp.Data;

/// <summary>The bundled city dataset: read once, looked up by name (case-insensitive).</summary>
internal sealed class CityCatalog
{
    private readonly Dictionary<string, City> _byName;

    public CityCatalog(IEnumerable<City> cities)
    {
        _byName = cities.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<City> All => _byName.Values;

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public static CityCatalog LoadBundled()
    {
        using var stream = typeof(CityCatalog).Assembly.GetManifestResourceStream("WeatherMcp.cities.json")
            ?? throw new InvalidOperationException("The bundled cities.json resource is missing.");
        var dataset = JsonSerializer.Deserialize(stream, WeatherJson.Default.CityDataset)
            ?? throw new InvalidOperationException("cities.json is empty.");
        return new CityCatalog(dataset.Cities);
    }

    public bool TryFind(string? name, out City city)
    {
        city = null!;
        return !string.IsNullOrWhiteSpace(name) && _byName.TryGetValue(name.Trim(), out city!);
    }

    /// <summary>Finds a city or fails with a message the model can act on (an isError tool result).</summary>
    public City Get(string? name) => TryFind(name, out var city)
        ? city
        : throw new McpException($"Unknown city '{name}'. Known cities: {string.Join(", ", Names)}.");

    public IEnumerable<string> Complete(string? prefix) =>
        Names.Where(n => n.StartsWith(prefix ?? "", StringComparison.OrdinalIgnoreCase));
}
