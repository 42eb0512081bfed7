using AgentGateway.Mcp.Federation;

namespace AgentGateway.Tests.Mcp.Federation;

public sealed class FederatedNamesTests
{
    private static readonly string[] Targets = ["everything", "weather-api", "a"];

    [Theory]
    [InlineData("everything", "echo", "everything_echo")]
    [InlineData("weather-api", "get_forecast", "weather-api_get_forecast")]
    [InlineData("a", "b_c", "a_b_c")]
    public void ExposeName_Prefixed_SplitsBackToTargetAndName(string target, string name, string exposed)
    {
        Assert.Equal(exposed, FederatedNames.ExposeName(target, name, prefixed: true));
        Assert.True(FederatedNames.TrySplitName(exposed, Targets, out var t, out var n));
        Assert.Equal((target, name), (t, n));
    }

    [Fact]
    public void ExposeName_Unprefixed_IsUnchanged() =>
        Assert.Equal("echo", FederatedNames.ExposeName("everything", "echo", prefixed: false));

    [Theory]
    [InlineData("unknown_echo")]
    [InlineData("everything")]
    [InlineData("everything_")]
    [InlineData("_echo")]
    public void TrySplitName_UnknownOrMalformed_Fails(string exposed) =>
        Assert.False(FederatedNames.TrySplitName(exposed, Targets, out _, out _));

    [Theory]
    [InlineData("everything", "demo://resource/static/1", "everything+demo://resource/static/1")]
    [InlineData("weather-api", "file:///tmp/a+b.txt", "weather-api+file:///tmp/a+b.txt")]
    public void ExposeUri_Prefixed_IsValidUriAndReversible(string target, string uri, string exposed)
    {
        Assert.Equal(exposed, FederatedNames.ExposeUri(target, uri, prefixed: true));
        Assert.True(Uri.TryCreate(exposed, UriKind.Absolute, out _));
        Assert.True(FederatedNames.TrySplitUri(exposed, Targets, out var t, out var u));
        Assert.Equal((target, uri), (t, u));
    }

    [Fact]
    public void TrySplitUri_UnknownTarget_Fails() =>
        Assert.False(FederatedNames.TrySplitUri("other+demo://x", Targets, out _, out _));
}
