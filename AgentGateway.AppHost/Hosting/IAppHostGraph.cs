namespace AgentGateway.AppHost.Hosting;

/// <summary>
/// A resource graph that both an AppHost's Program.cs and the testing builder can apply
/// (our stand-in for Aspire's generated <c>Projects.AppHost</c> entry point type).
/// </summary>
public interface IAppHostGraph
{
    static abstract void Configure(IDistributedApplicationBuilder builder);
}
