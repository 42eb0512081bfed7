using AgentGateway.AppHost.Hosting;

namespace AgentGateway.Tests.Infrastructure;

/// <summary>
/// A started test stack. Wraps <see cref="DistributedApplication"/> with the testing conveniences
/// (CreateHttpClient by resource name; logs of a resource for failure messages).
/// </summary>
public sealed class AppHostTestApplication(DistributedApplication app) : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    public DistributedApplication Application { get; } = app;

    public Task StartAsync(CancellationToken cancellationToken = default) => Application.StartAsync(cancellationToken);

    /// <summary>Waits until healthy; on failure the exception carries the resource's last console lines.</summary>
    public async Task WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        try
        {
            await Application.WaitForResourceHealthyAsync(resourceName, cancellationToken);
        }
        catch (ResourceFailedException ex)
        {
            throw new ResourceFailedException($"{ex.Message}\n--- console of the stack ---\n{DescribeLogs()}", ex);
        }
    }

    /// <summary>An HttpClient whose BaseAddress is the resource's endpoint; disposed with the app.</summary>
    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http")
    {
        var client = new HttpClient { BaseAddress = Application.GetEndpoint(resourceName, endpointName) };
        _clients.Add(client);
        return client;
    }

    public Uri GetEndpoint(string resourceName, string endpointName = "http") =>
        Application.GetEndpoint(resourceName, endpointName);

    public string? GetConnectionString(string resourceName) => Application.GetConnectionString(resourceName);

    public ResourceSnapshot GetResource(string resourceName) => Application.GetResourceSnapshot(resourceName);

    /// <summary>The last console lines of every resource, for assertion messages.</summary>
    public string DescribeLogs(int lastLines = 40) => string.Join('\n', Application.Resources.Select(r =>
        $"[{r.Name}]\n" + string.Join('\n', Application.Logs.Get(r.Name).TakeLast(lastLines).Select(l => "  " + l.Text))));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Application.DisposeAsync();
    }
}
