using System.Text;
using AgentGateway.A2A;

namespace AgentGateway.Tests.A2A;

public class SseTapTests
{
    [Fact]
    public void Feed_SplitAnywhere_YieldsEachEventDataOnce()
    {
        var stream = "data: {\"a\":1}\n\n: comment\r\nevent: x\r\ndata: {\"b\":\r\ndata: 2}\r\n\r\ndata: tail-without-end";
        var events = new List<string>();
        var tap = new SseTap(d => events.Add(Encoding.UTF8.GetString(d)));
        var bytes = Encoding.UTF8.GetBytes(stream);

        // Feed in 3-byte chunks so lines and events straddle reads, as they do on the network.
        for (var i = 0; i < bytes.Length; i += 3)
        {
            tap.Feed(bytes.AsSpan(i, Math.Min(3, bytes.Length - i)));
        }

        Assert.Equal(["{\"a\":1}", "{\"b\":\n2}"], events);
    }
}
