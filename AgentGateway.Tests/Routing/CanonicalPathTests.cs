using AgentGateway.Routing;

namespace AgentGateway.Tests.Routing;

public class CanonicalPathTests
{
    [Theory]
    [InlineData("/echo/admin/x", "/echo/admin/x")]
    [InlineData("/echo/ADMIN/x?q=1", "/echo/admin/x")]
    [InlineData("/echo//admin///x", "/echo/admin/x")]
    [InlineData("/echo/./admin/.", "/echo/admin/")]
    [InlineData("/echo/admin/../admin", "/echo/admin")]
    [InlineData("/echo/x/%2e%2E/admin", "/echo/admin")]
    [InlineData("/echo/%61dmin", "/echo/admin")]
    [InlineData("/echo/admin//..", "/echo/admin/")]
    [InlineData("/echo/admin.", "/echo/admin.")]
    [InlineData("/echo/caf%C3%A9", "/echo/café")]
    [InlineData("/echo/CAF%C3%89", "/echo/café")]
    [InlineData("/echo/100%25", "/echo/100%")]
    [InlineData("/", "/")]
    [InlineData("//", "/")]
    [InlineData("http://gateway:8080/echo//Admin", "/echo/admin")]
    [InlineData("https://gateway", "/")]
    public void ForPolicy_IsDecodedResolvedCollapsedAndLowerCased(string target, string expected)
    {
        var path = CanonicalPath.TryParse(target, out var error);

        Assert.Null(error);
        Assert.Equal(expected, path!.ForPolicy);
        Assert.False(path.HasEncodedSeparator);
    }

    [Theory]
    [InlineData("/echo/%zzadmin", "malformed")]
    [InlineData("/echo/admin%2", "malformed")]
    [InlineData("/echo/%00admin", "control")]
    [InlineData("/echo/a%0Ab", "control")]
    [InlineData("/echo/%C0%AFadmin", "UTF-8")]
    [InlineData("/echo/%FF", "UTF-8")]
    [InlineData("/..", "root")]
    [InlineData("/echo/../../admin", "root")]
    [InlineData("/echo/\u00e9", "non-ASCII")]
    [InlineData("*", "not a path")]
    [InlineData("echo/admin", "not a path")]
    public void TryParse_RefusesWhatHasNoSingleMeaning(string target, string reason)
    {
        Assert.Null(CanonicalPath.TryParse(target, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/echo/a%2Fb")]
    [InlineData("/echo/a%2fb")]
    [InlineData("/echo/a%5Cb")]
    [InlineData("/echo/a\\b")]
    public void EncodedSeparators_AreFlagged_AndForwardedEscapedOnce(string target)
    {
        var path = CanonicalPath.TryParse(target, out _)!;

        Assert.True(path.HasEncodedSeparator);
        Assert.True(path.StartsWith(new PathString("/echo"), out var prefix));
        var forwarded = path.ToUriComponent(new PathString("/echo"), prefix);
        Assert.Matches("^/echo/a%(2F|5C)b$", forwarded);
    }

    [Theory]
    [InlineData("/ECHO//Items/./7/", "/echo", "/echo/Items/7/")]
    [InlineData("/echo", "/echo", "/echo")]
    [InlineData("/", "", "/")]
    [InlineData("/x/a%20b/%C3%A9/%25", "", "/x/a%20b/%C3%A9/%25")]
    [InlineData("/x/it's(1),[2]", "", "/x/it's(1),%5B2%5D")]
    public void ToUriComponent_KeepsTheConfiguredPrefixAndEscapesEachSegment(string target, string prefix, string expected)
    {
        var path = CanonicalPath.TryParse(target, out _)!;

        Assert.True(path.StartsWith(new PathString(prefix), out var count));
        Assert.Equal(expected, path.ToUriComponent(new PathString(prefix), count));
    }
}
