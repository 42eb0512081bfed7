using System.Text.Json;
using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>
/// A Cedar forbid on <c>resource.path</c> of an http route, probed from outside with raw request targets: every
/// spelling of the forbidden path is refused and none reaches the upstream; allowed paths arrive in canonical form.
/// </summary>
public class HttpPathForbidProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Yaml(Uri echo, string cedar) => $$"""
        routes: [{ name: echo, path: /echo, http: e, policies: [guarded] }]
        http: { e: { destinations: ["{{echo}}"] } }
        policies:
          guarded:
            authorization:
              cedarText: |
        {{string.Join("\n", cedar.Split('\n').Select(l => "          " + l))}}
        """;

    private const string ForbidAdmin = """
        permit(principal, action == Action::"http", resource);
        forbid(principal, action == Action::"http", resource) when { resource.path like "/echo/admin*" };
        """;

    // Odd but valid spellings of /echo/admin...: each must meet the forbid (403).
    public static readonly TheoryData<string> ForbiddenSpellings =
    [
        "/echo/admin/x", "/echo/ADMIN/x", "/echo/Admin/x", "/ECHO/admin", "/echo//admin/x", "/echo///admin",
        "/echo/./admin/x", "/echo/admin/../admin/x", "/echo/x/../admin", "/echo/%61dmin/x", "/echo/%41DMIN/x",
        "/echo/adm%69n", "/echo/%2e/admin", "/echo/x/%2e%2e/admin", "/echo/x/.%2E/admin", "/echo/admin/.", "/echo/admin/",
        "/echo/admin.", "/echo/admin;x=1/y", "/echo/admin?x=/public",
    ];

    // Spellings with no single meaning: refused before any policy (400).
    public static readonly TheoryData<string> UncanonicalSpellings =
    [
        "/echo/admin%2Fx", "/echo/x%2F..%2Fadmin", "/echo/x%2f..%2fadmin", "/echo/admin%5Cx", "/echo/x%5C..%5Cadmin",
        "/echo/%zzadmin", "/echo/admin%2", "/echo/%C0%AFadmin", "/echo/admin%FF",
    ];

    [Fact]
    public async Task CedarPathForbid_HoldsForEverySpelling_AndNothingForbiddenReachesTheUpstream()
    {
        await using var echo = await EchoServer.StartAsync("e");
        await using var gw = await TestGateway.StartAsync(Yaml(echo.BaseAddress, ForbidAdmin));

        var wrong = new List<string>();
        foreach (var target in ForbiddenSpellings.Select(d => d.Data))
        {
            var (status, _) = await HttpRawRequest.SendAsync(gw.BaseAddress, target, Ct);
            if (status != 403)
            {
                wrong.Add($"{target} → {status} (want 403)");
            }
        }

        foreach (var target in UncanonicalSpellings.Select(d => d.Data))
        {
            var (status, _) = await HttpRawRequest.SendAsync(gw.BaseAddress, target, Ct);
            if (status != 400)
            {
                wrong.Add($"{target} → {status} (want 400)");
            }
        }

        // The absolute form of the request target (as sent to a proxy) is read the same way.
        var (absolute, _) = await HttpRawRequest.SendAsync(gw.BaseAddress, $"http://{gw.BaseAddress.Authority}/echo//ADMIN", Ct);
        if (absolute != 403)
        {
            wrong.Add($"absolute form → {absolute} (want 403)");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(0, echo.RequestCount);
    }

    [Fact]
    public async Task NulAndEscapesAboveTheRoot_NeverReachTheUpstream()
    {
        await using var echo = await EchoServer.StartAsync("e");
        await using var gw = await TestGateway.StartAsync(Yaml(echo.BaseAddress, ForbidAdmin));

        foreach (var target in (string[])["/echo/%00admin", "/echo/admin%00", "/echo/../../echo/admin", "/echo/a\\..\\admin", "/echo\\admin"])
        {
            var (status, _) = await HttpRawRequest.SendAsync(gw.BaseAddress, target, Ct);
            Assert.True(status is 400 or 403 or 404, $"{target} → {status}");
        }

        Assert.Equal(0, echo.RequestCount);
    }

    [Fact]
    public async Task AllowedPaths_ReachTheUpstreamInTheCanonicalFormThePolicySaw()
    {
        string? rawTarget = null;
        await using var echo = await EchoServer.StartAsync("e", ctx =>
        {
            rawTarget = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
            return Task.FromResult(false);
        });
        // Only lower-case literals can match: the policy's path is lower-cased, the upstream's keeps the client's case.
        await using var gw = await TestGateway.StartAsync(Yaml(echo.BaseAddress, """
            permit(principal, action == Action::"http", resource) when { resource.path like "/echo/public/*" };
            """));

        var (status, response) = await HttpRawRequest.SendAsync(gw.BaseAddress, "/ECHO//Public/./a/../Files//%52eport%20v2.txt?x=%2F", Ct);

        Assert.True(status == 200, response);
        Assert.Equal("/echo/Public/Files/Report%20v2.txt?x=%2F", rawTarget);
        var (denied, _) = await HttpRawRequest.SendAsync(gw.BaseAddress, "/echo/public/../private", Ct);
        Assert.Equal(403, denied);
        Assert.Equal(1, echo.RequestCount);
    }

    [Fact]
    public async Task EncodedSlash_OnARouteWithoutAuthorization_IsForwardedAsSentNotDoubleEncoded()
    {
        string? rawTarget = null;
        await using var echo = await EchoServer.StartAsync("e", ctx =>
        {
            rawTarget = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
            return Task.FromResult(false);
        });
        await using var gw = await TestGateway.StartAsync($$"""
            routes: [{ name: gitlab, path: /api, http: e }]
            http: { e: { destinations: ["{{echo.BaseAddress}}"] } }
            """);
        var client = gw.CreateClient();

        using var response = await client.GetAsync("/api/projects/group%2Fproject/files/a%252Fb", Ct);

        response.EnsureSuccessStatusCode();
        Assert.Equal("/api/projects/group%2Fproject/files/a%252Fb", rawTarget);
        var echoed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("e", echoed.GetProperty("name").GetString());
    }
}
