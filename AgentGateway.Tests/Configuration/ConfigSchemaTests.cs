using AgentGateway.Configuration;

namespace AgentGateway.Tests.Configuration;

public class ConfigSchemaTests
{
    [Fact]
    public void CheckedInSchema_MatchesTheConfigRecords()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentGateway.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var checkedIn = File.ReadAllText(Path.Combine(dir.FullName, "gateway.schema.json")).ReplaceLineEndings("\n");

        Assert.True(checkedIn == ConfigSchema.Generate(),
            "gateway.schema.json is stale: run `dotnet run --project AgentGateway.Gateway -- --write-schema \"$PWD/gateway.schema.json\"` from the repository root");
    }

    [Fact]
    public void Schema_DescribesRoutesAndForbidsUnknownKeys()
    {
        var schema = System.Text.Json.JsonDocument.Parse(ConfigSchema.Generate()).RootElement;

        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        var route = schema.GetProperty("properties").GetProperty("routes").GetProperty("items");
        Assert.Equal("string", route.GetProperty("properties").GetProperty("path").GetProperty("type").GetString());
    }
}
