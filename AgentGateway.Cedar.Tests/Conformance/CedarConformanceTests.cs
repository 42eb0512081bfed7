using AgentGateway.Cedar;

namespace AgentGateway.Cedar.Tests.Conformance;

/// <summary>
/// Runs the upstream Cedar integration tests (hand-written and the fuzz corpus) and requires every
/// decision, reason set and error set to match. The data is vendored beside these tests
/// (<c>cedar-integration-tests/</c>); <c>CEDAR_TESTS_DIR</c> points the run at another folder.
/// </summary>
public sealed class CedarConformanceTests
{
    // Both facts below read one run of the (large) suite.
    private static readonly Lazy<ConformanceSummary> Summary = new(Run);

    [Fact]
    public void IntegrationTests_EveryRequest_MatchesExpectedDecisionReasonsAndErrors()
    {
        var summary = Summary.Value;

        TestContext.Current.TestOutputHelper?.WriteLine(summary.Line);
        Console.WriteLine(summary.Line);
        var details = string.Join(Environment.NewLine, summary.Mismatches.Take(20));
        Assert.True(summary.Requests > 0 && summary.Mismatches.Count == 0, summary.Line + Environment.NewLine + details);
    }

    [Fact]
    public void IntegrationTests_ShouldValidateFlags_AgreeWithOurValidator()
    {
        var summary = Summary.Value;

        TestContext.Current.TestOutputHelper?.WriteLine(summary.ValidationLine);
        var details = string.Join(Environment.NewLine, summary.ValidationMismatches.Take(20));
        Assert.True(summary.ValidationFlags > 0 && summary.ValidationMismatches.Count == 0, summary.ValidationLine + Environment.NewLine + details);
    }

    private static ConformanceSummary Run()
    {
        var custom = Environment.GetEnvironmentVariable("CEDAR_TESTS_DIR");
        var root = string.IsNullOrEmpty(custom) ? CedarConformanceRunner.BundledFolder : custom;
        Assert.True(Directory.Exists(root), $"Cedar integration tests not found at {root} (CEDAR_TESTS_DIR='{custom}')");
        return CedarConformanceRunner.RunFolder(root);
    }

    [Fact]
    public void BundledTests_AreCopiedBesideTheTestAssembly_WithTheirLicense()
    {
        var root = CedarConformanceRunner.BundledFolder;

        Assert.True(File.Exists(Path.Combine(root, "corpus-tests.tar.gz")), $"no corpus archive in {root}");
        Assert.True(Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.json", SearchOption.AllDirectories).Any());
        Assert.True(File.Exists(Path.Combine(root, "LICENSE")) && File.Exists(Path.Combine(root, "NOTICE")));
    }

    [Fact]
    public void RunFolder_WrongExpectation_IsReportedAsMismatch()
    {
        // Guards the runner itself: a test file whose expectation is wrong must be counted as a mismatch.
        var dir = Directory.CreateTempSubdirectory("cedar-conf-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "p.cedar"), "permit(principal, action, resource);");
            File.WriteAllText(Path.Combine(dir, "e.entities.json"), "[]");
            File.WriteAllText(Path.Combine(dir, "s.cedarschema"), "entity U; action \"a\" appliesTo { principal: [U], resource: [U] };");
            File.WriteAllText(Path.Combine(dir, "t.json"), """
                {"policies":"p.cedar","entities":"e.entities.json","schema":"s.cedarschema","shouldValidate":true,
                 "requests":[
                   {"description":"right","principal":{"type":"U","id":"x"},"action":{"type":"Action","id":"a"},"resource":{"type":"U","id":"y"},"context":{},"decision":"allow","reason":["policy0"],"errors":[]},
                   {"description":"wrong","principal":{"type":"U","id":"x"},"action":{"type":"Action","id":"a"},"resource":{"type":"U","id":"y"},"context":{},"decision":"deny","reason":[],"errors":[]}
                 ]}
                """);

            var summary = CedarConformanceRunner.RunFolder(dir);

            Assert.Equal(2, summary.Requests);
            var mismatch = Assert.Single(summary.Mismatches);
            Assert.Contains("wrong", mismatch, StringComparison.Ordinal);
            Assert.Equal("Cedar conformance: 2 requests checked, 1 mismatched", summary.Line);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
