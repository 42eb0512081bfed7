using System.Text.Json;
using AgentGateway.AppHost.Tests.Infrastructure;

namespace AgentGateway.AppHost.Tests;

/// <summary>
/// <c>--publisher manifest</c> (what azd and other tools read) describes the deployable stack and leaves out
/// what exists only for a local run: the redis-server executable, local config paths, the replicas' front.
/// </summary>
public sealed class PublishManifestTests
{
    [Fact]
    public async Task PublishManifest_Succeeds_WithRedisContainer_AndNoRunOnlyResources()
    {
        var output = Directory.CreateTempSubdirectory("apphost-manifest-");
        try
        {
            var path = Path.Combine(output.FullName, "aspire-manifest.json");
            using var apphost = AppHostProcess.Start("--publisher", "manifest", "--output-path", path, "--replicas", "3");
            Assert.True(await apphost.WaitForExitAsync(TimeSpan.FromMinutes(3)), apphost.Output);
            Assert.True(File.Exists(path), apphost.Output);

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
            var resources = manifest.RootElement.GetProperty("resources");
            Assert.All(resources.EnumerateObject(), static r => Assert.NotEqual("executable.v0", r.Value.GetProperty("type").GetString()));
            Assert.Equal("container.v0", resources.GetProperty("redis").GetProperty("type").GetString());
            Assert.False(resources.TryGetProperty("gateway-0", out _), "replicas are a local rehearsal");

            var gateway = resources.GetProperty("gateway");
            Assert.Equal("project.v0", gateway.GetProperty("type").GetString());
            Assert.False(gateway.TryGetProperty("args", out _), "a published gateway reads its mounted config, not a local path");
            var env = gateway.GetProperty("env");
            Assert.Equal("{redis.connectionString}", env.GetProperty("ConnectionStrings__redis").GetString());
            Assert.False(env.TryGetProperty("ASPNETCORE_FORWARDEDHEADERS_ENABLED", out _));
            var bindings = gateway.GetProperty("bindings");
            Assert.True(bindings.GetProperty("http").GetProperty("external").GetBoolean());
            Assert.False(bindings.GetProperty("admin").TryGetProperty("external", out var external) && external.GetBoolean(), "the admin API is never public");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
