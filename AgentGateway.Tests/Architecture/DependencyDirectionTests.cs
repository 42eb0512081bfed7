using AgentGateway.Hosting;
using NetArchTest.Rules;

namespace AgentGateway.Tests.Architecture;

/// <summary>
/// The allowed direction between the gateway's folders (docs/architecture.md, "Which may use which"):
/// Configuration ← Routing ← Security ← Traffic ← {Http, Llm, Mcp, A2A} ← {Admin, Hosting}; Redis and Telemetry are
/// leaves; the Cedar engine uses nothing of the gateway. A rule names the folder and what it must not use; the few
/// known exceptions are listed by type with their reason, so a new one fails until it is fixed or argued for here.
/// </summary>
public class DependencyDirectionTests
{
    private const string Root = "AgentGateway.";
    private static readonly string[] Kinds = [Root + "Http", Root + "Llm", Root + "Mcp", Root + "A2A"];
    private static readonly string[] Composition = [Root + "Admin", Root + "Hosting"];

    private static readonly (string Folder, string[] Forbidden)[] Rules =
    [
        // Routing is the core every kind plugs into: it knows no kind, no policy step and no composition.
        (Root + "Routing", [.. Kinds, Root + "Traffic", Root + "Security", .. Composition]),
        // Traffic policies apply to every kind alike; they may read the principal (Security), never the reverse.
        (Root + "Traffic", [.. Kinds, .. Composition]),
        (Root + "Security", [.. Kinds, Root + "Traffic", .. Composition]),
        // The backend kinds do not use each other, nor the composition above them.
        (Root + "Http", [Root + "Llm", Root + "Mcp", Root + "A2A", .. Composition]),
        (Root + "Llm", [Root + "Http", Root + "Mcp", Root + "A2A", .. Composition]),
        (Root + "Mcp", [Root + "Http", Root + "Llm", Root + "A2A", .. Composition]),
        (Root + "A2A", [Root + "Http", Root + "Llm", Root + "Mcp", .. Composition]),
        // Leaves: used by many, using nothing of the features.
        (Root + "Redis", [Root + "Configuration", Root + "Routing", Root + "Traffic", Root + "Security", .. Kinds, .. Composition]),
        (Root + "Telemetry", [Root + "Routing", Root + "Traffic", Root + "Security", .. Kinds, .. Composition]),
        // Configuration assembles the feature config records into the root record, and nothing more.
        (Root + "Configuration", [Root + "Routing", .. Composition]),
    ];

    /// <summary>Known exceptions: the type, and why it may use a folder its own folder's rule forbids.</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["AgentGateway.Security.AuthenticationMiddleware"] = "A2A agent cards are public: it asks A2ACardPaths whether the request is for one",
        ["AgentGateway.Security.HttpRouteAuthorizationMiddleware"] = "reads HttpBackendConfig.Passthrough to keep credentials the route forwards",
        ["AgentGateway.Traffic.TlsValidator"] = "validates the tls block of every kind's backend config records",
        ["AgentGateway.Traffic.BackendTlsWarnings"] = "warns about the tls block of every kind's backend config records",
        ["AgentGateway.Telemetry.RequestTelemetryMiddleware"] = "writes the principal (Security.GatewayClaims) into the access log",
    };

    public static TheoryData<string, string[]> ForbiddenDependencies()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var (folder, forbidden) in Rules)
        {
            data.Add(folder, forbidden);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenDependencies))]
    public void Folder_DoesNotDependAgainstTheDocumentedDirection(string folder, string[] forbidden)
    {
        var result = Types.InAssembly(typeof(GatewayApplicationExtensions).Assembly)
            .That().ResideInNamespace(folder)
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        var offenders = (result.FailingTypeNames ?? []).Where(t => !Exceptions.ContainsKey(t.Split('/')[0])).ToList();
        Assert.True(offenders.Count == 0, $"{folder} uses a folder it must not ({string.Join(", ", forbidden)}): " + string.Join(", ", offenders));
    }

    [Fact]
    public void CedarEngine_DependsOnNothingOfTheGateway()
    {
        // Everything of the gateway outside the engine, by type (a namespace prefix would also match the engine's own).
        const string cedar = Root + "Security.Cedar";
        var assembly = typeof(GatewayApplicationExtensions).Assembly;
        var gateway = assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is { } ns && ns.StartsWith("AgentGateway", StringComparison.Ordinal)
                && !(ns + ".").StartsWith(cedar + ".", StringComparison.Ordinal) && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .ToArray();
        Assert.NotEmpty(gateway);

        var result = Types.InAssembly(assembly)
            .That().ResideInNamespace(cedar)
            .ShouldNot().HaveDependencyOnAny(gateway)
            .GetResult();

        // ResideInNamespace matches by prefix, so Security.CedarValues and the like are selected too: keep the engine's own.
        var offenders = (result.FailingTypeNames ?? []).Where(t => t.StartsWith(cedar + ".", StringComparison.Ordinal)).ToList();
        Assert.True(offenders.Count == 0, "the Cedar engine uses gateway types: " + string.Join(", ", offenders));
    }

    [Fact]
    public void TheRules_SeeTheFoldersTheyName()
    {
        // Guards the rules above against passing vacuously (a renamed folder would match no type).
        var namespaces = typeof(GatewayApplicationExtensions).Assembly.GetTypes().Select(t => t.Namespace).ToHashSet();
        foreach (var folder in Rules.Select(r => r.Folder).Append(Root + "Security.Cedar"))
        {
            Assert.Contains(folder, namespaces);
        }
    }
}
