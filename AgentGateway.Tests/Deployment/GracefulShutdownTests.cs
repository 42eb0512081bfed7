using AgentGateway.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AgentGateway.Tests.Deployment;

/// <summary>
/// Draining fits the Kubernetes shutdown sequence: preStop sleep, then SIGTERM, then the host's
/// shutdown timeout for in-flight requests, all inside terminationGracePeriodSeconds, and the
/// setting the manifest uses really reaches the host.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static KubeObject Deployment =>
        Kustomization.Load(RepositoryRoot.Combine("deploy", "k8s", "base")).Objects().Single(o => o.Is("Deployment", "agentgateway"));

    [Fact]
    public void Deployment_ShutdownTimeout_FitsInGracePeriodAfterPreStop()
    {
        var pod = Deployment.PodTemplate;
        var gateway = Deployment.Containers.Single();
        var grace = int.Parse(pod.Scalar("spec", "terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture);
        var preStop = int.Parse(gateway.Scalar("lifecycle", "preStop", "sleep", "seconds")!, System.Globalization.CultureInfo.InvariantCulture);
        var shutdown = int.Parse(
            gateway.Items("env").Single(e => e.Scalar("name") == "DOTNET_SHUTDOWNTIMEOUTSECONDS").Scalar("value")!,
            System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(shutdown > 30, "the .NET default of 30 s would cut long streams");
        Assert.True(preStop + shutdown < grace, $"preStop {preStop} s + shutdown {shutdown} s must end before the {grace} s grace period");
    }

    [Fact]
    public async Task ShutdownTimeoutSetting_ReachesTheGatewayHost()
    {
        // DOTNET_SHUTDOWNTIMEOUTSECONDS is the host setting shutdownTimeoutSeconds with the DOTNET_
        // prefix; the command line carries the same key without touching this process's environment.
        var (app, errors) = GatewayApp.Build(GatewayCommandLine.Parse(["--shutdownTimeoutSeconds=50", "--urls", "http://127.0.0.1:0"]));
        Assert.Empty(errors);
        Assert.NotNull(app);
        await using (app)
        {
            Assert.Equal(TimeSpan.FromSeconds(50), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        }
    }
}
