namespace AgentGateway.Cedar.Tests.Conformance;

/// <summary>The outcome of running a folder of Cedar integration tests.</summary>
internal sealed record ConformanceSummary(int Requests, IReadOnlyList<string> Mismatches, int ValidationFlags, IReadOnlyList<string> ValidationMismatches)
{
    public string Line => $"Cedar conformance: {Requests} requests checked, {Mismatches.Count} mismatched";

    /// <summary>How often our validator agrees with the tests' <c>shouldValidate</c> flags (informational).</summary>
    public string ValidationLine =>
        $"Cedar validation: {ValidationFlags - ValidationMismatches.Count} of {ValidationFlags} shouldValidate flags matched";
}
