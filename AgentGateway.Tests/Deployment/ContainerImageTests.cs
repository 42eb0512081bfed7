using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AgentGateway.Tests.Deployment;

/// <summary>
/// The two ways to build the image (SDK container support in the csproj, deploy/Dockerfile) agree
/// with each other and with the Kubernetes manifests: user, port, config path.
/// </summary>
public sealed partial class ContainerImageTests
{
    private static readonly string GatewayProject = RepositoryRoot.Combine("AgentGateway.Gateway", "AgentGateway.Gateway.csproj");

    private static string[] DockerfileLines() =>
        File.ReadAllLines(RepositoryRoot.Combine("deploy", "Dockerfile"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    private static IEnumerable<string> CopySources() =>
        DockerfileLines().Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]);

    [Fact]
    public void Dockerfile_CopiesOnlyPathsThatExist()
    {
        var sources = CopySources().ToList();

        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, s => !File.Exists(RepositoryRoot.Combine(s)) && !Directory.Exists(RepositoryRoot.Combine(s)));
    }

    [Fact]
    public void Dockerfile_CopiesEveryProjectTheGatewayBuildsFrom()
    {
        var sources = CopySources().Select(s => s.TrimEnd('/')).ToHashSet();

        foreach (var project in ProjectClosure(GatewayProject))
        {
            var folder = Path.GetRelativePath(RepositoryRoot.Path, Path.GetDirectoryName(project)!);
            Assert.Contains(folder, sources);
            Assert.Contains(Path.GetRelativePath(RepositoryRoot.Path, project), sources);
        }
    }

    [Fact]
    public void Dockerfile_FinalStage_IsAspNetRuntime_NonRoot_Port8080_ConfigUnderConfig()
    {
        var lines = DockerfileLines();
        var final = lines[Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal))..];
        var text = string.Join('\n', final);

        Assert.Contains("mcr.microsoft.com/dotnet/aspnet:", final[0], StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", text, StringComparison.Ordinal);
        Assert.Contains("Gateway__ConfigFile=/config/gateway.yaml", text, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", final);
        var user = Assert.Single(final, l => l.StartsWith("USER ", StringComparison.Ordinal))[5..].Trim();
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal));
    }

    [Fact]
    public void GatewayProject_ContainerSettings_MatchTheKubernetesDeployment()
    {
        var csproj = XDocument.Load(GatewayProject);
        string? Property(string name) => csproj.Descendants(name).SingleOrDefault()?.Value;
        var env = csproj.Descendants("ContainerEnvironmentVariable")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string?)e.Attribute("Value"));
        var deployment = Kustomization.Load(RepositoryRoot.Combine("deploy", "k8s", "base")).Objects()
            .Single(o => o.Is("Deployment", "agentgateway"));

        Assert.Equal("agentgateway/gateway", Property("ContainerRepository"));
        Assert.Equal(deployment.PodTemplate.Scalar("spec", "securityContext", "runAsUser"), Property("ContainerUser"));
        Assert.Equal("8080", Assert.Single(csproj.Descendants("ContainerPort")).Attribute("Include")?.Value);
        Assert.Equal("8080", env["ASPNETCORE_HTTP_PORTS"]);
        Assert.Equal("/config/gateway.yaml", env["Gateway__ConfigFile"]);
        Assert.StartsWith("agentgateway/gateway:", deployment.Containers.Single().Scalar("image"), StringComparison.Ordinal);
    }

    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var include = ((string)reference.Attribute("Include")!).Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include)));
            }
        }

        return seen;
    }
}
