using AgentGateway.Mcp.Federation;

namespace AgentGateway.Tests.Mcp.Federation;

public sealed class CompositeCursorTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(2, "upstream-cursor:with:colons")]
    [InlineData(11, "")]
    public void Encode_Decode_RoundTrips(int index, string? upstream)
    {
        var cursor = new CompositeCursor(index, upstream);

        Assert.True(CompositeCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(index, decoded.TargetIndex);
        Assert.Equal(upstream, decoded.UpstreamCursor);
    }

    [Fact]
    public void TryDecode_Null_IsTheStart()
    {
        Assert.True(CompositeCursor.TryDecode(null, out var decoded));
        Assert.Equal(new CompositeCursor(0, null), decoded);
    }

    [Theory]
    [InlineData("!!!not base64!!!")]
    [InlineData("eA")] // "x": not an index
    public void TryDecode_Garbage_Fails(string cursor) => Assert.False(CompositeCursor.TryDecode(cursor, out _));
}
