namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>
/// The local stack exactly as <c>dotnet run --project AgentGateway.AppHost</c> composes it, with the dashboard,
/// started once for every test of the <see cref="SharedStackGroup"/> collection.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    public LocalStackApp Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Stack = await LocalStackApp.StartAsync([], dashboard: true, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedStackGroup : ICollectionFixture<StackFixture>
{
    public const string Name = "Whole stack";
}
