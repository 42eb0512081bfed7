using AgentGateway.Configuration;
using AgentGateway.Hosting;

namespace AgentGateway.Tests.Infrastructure;

/// <summary>
/// The real gateway, in-process on real Kestrel at a random loopback port, configured by a YAML file in
/// a temp folder (edit <see cref="ConfigPath"/> to test hot reload). The admin API is off unless the YAML sets it.
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private TestGateway(WebApplication app, string directory, string configPath, Uri baseAddress)
    {
        _app = app;
        _directory = directory;
        ConfigPath = configPath;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string ConfigPath { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a gateway with this YAML; throws with every config error when it is invalid.</summary>
    public static async Task<TestGateway> StartAsync(string yaml, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("agw-test-").FullName;
        var configPath = Path.Combine(directory, "gateway.yaml");
        if (!yaml.Contains("admin:", StringComparison.Ordinal))
        {
            yaml += "\nadmin: { url: \"\" }\n";
        }

        await File.WriteAllTextAsync(configPath, yaml);
        var port = FreePort.Next();
        var args = new List<string> { "--config", configPath, "--urls", $"http://127.0.0.1:{port}", "--hostBuilder:reloadConfigOnChange=false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}={value}");
        }

        var (app, errors) = GatewayApp.Build(GatewayCommandLine.Parse([.. args]), configure);
        if (app is null)
        {
            throw new InvalidOperationException("Invalid gateway config:\n" + string.Join("\n", errors));
        }

        await app.StartAsync();
        return new TestGateway(app, directory, configPath, new Uri($"http://127.0.0.1:{port}"));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Rewrites the config file (exactly this text) and waits until the gateway swapped in a new config (or the timeout passes).</summary>
    public async Task<bool> RewriteConfigAsync(string yaml, TimeSpan? timeout = null)
    {
        var provider = Services.GetRequiredService<IGatewayConfigProvider>();
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReloaded(GatewayConfig _) => reloaded.TrySetResult();
        provider.Reloaded += OnReloaded;
        try
        {
            await File.WriteAllTextAsync(ConfigPath, yaml);
            var finished = await Task.WhenAny(reloaded.Task, Task.Delay(timeout ?? TimeSpan.FromSeconds(2)));
            return finished == reloaded.Task;
        }
        finally
        {
            provider.Reloaded -= OnReloaded;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A process started by a test may still hold a file; the temp folder is cleaned by the OS.
        }
    }
}
