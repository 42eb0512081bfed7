namespace AgentGateway.Tests.AppHost;

/// <summary>
/// Tests that run `dotnet build` on the gateway and samples (in this process or in a child AppHost)
/// share this collection, so two builds of one project never run at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StackTestsDefinition
{
    public const string Name = "AppHost stacks";
}
