using AgentGateway.Mcp.Federation;

namespace AgentGateway.Tests.Mcp.Federation;

public sealed class ResourceUriNormalFormTests
{
    [Theory]
    [InlineData("note://readme", "note://readme")]
    [InlineData("NOTE://README", "note://readme")]
    [InlineData("Http+Note://ReadMe", "http+note://readme")] // a prefixed URI: the target prefix is part of the scheme
    [InlineData("note://read%6De", "note://readme")] // percent-encoded unreserved characters decoded
    [InlineData("note://read%6de", "note://readme")]
    [InlineData("n%6Fte://readme", "note://readme")]
    [InlineData("file:///Docs/Secret.md", "file:///Docs/Secret.md")] // paths keep their case
    [InlineData("FILE:///Docs/a%2fb", "file:///Docs/a%2Fb")] // reserved characters stay encoded, hex upper-cased
    [InlineData("HTTPS://User:Pw@Example.COM:8443/A?Q=1#F", "https://User:Pw@example.com:8443/A?Q=1#F")] // userinfo keeps its case
    [InlineData("urn:ISBN:0451450523", "urn:ISBN:0451450523")] // no authority: only the scheme is case-insensitive
    [InlineData("URN:isbn:1", "urn:isbn:1")]
    [InlineData("no scheme at all", "no scheme at all")]
    [InlineData("1abc://x", "1abc://x")] // not a scheme (must start with a letter)
    [InlineData("note://readme%", "note://readme%")] // a broken escape is left as it is
    [InlineData("note://readme%4", "note://readme%4")]
    [InlineData("note://%00x", "note://%00x")] // NUL stays encoded
    [InlineData("", "")]
    public void NormalForm_LowersSchemeAndHost_AndNormalizesPercentEncoding(string uri, string expected) =>
        Assert.Equal(expected, ResourceUriNormalForm.Of(uri));

    [Fact]
    public void NormalForm_IsIdempotent()
    {
        foreach (var uri in new[] { "NOTE://Read%6De", "HTTPS://a@B.c/%7e", "urn:X:y" })
        {
            var once = ResourceUriNormalForm.Of(uri);
            Assert.Equal(once, ResourceUriNormalForm.Of(once));
        }
    }
}
