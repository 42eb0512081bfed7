using System.Text.Json;
using System.Threading.Channels;
using AgentGateway.Mcp.Upstream;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Mcp.Upstream;

/// <summary>
/// A target's progress reaches the call that asked for it in the order the target sent it: it is taken from the
/// transport as the SDK's read loop takes each message (which is in order), not from the SDK's notification handlers,
/// which run each message on its own task and once forwarded a countdown's 3, 2, 1 as 3, 1, 2.
/// </summary>
public sealed class UpstreamProgressTests
{
    [Fact]
    public async Task ProgressOfManyCalls_InterleavedWithOtherMessages_ReachesEachSinkInTheTargetsOrder()
    {
        var inner = new ChannelTransport();
        var progress = new UpstreamProgress();
        var seen = new Dictionary<string, List<double>> { ["a"] = [], ["b"] = [] };
        using var a = progress.Register("a", new Sink(seen["a"]));
        using var b = progress.Register("b", new Sink(seen["b"]));
        await using var session = await new ProgressOrderingTransport(inner, progress).ConnectAsync(TestContext.Current.CancellationToken);

        for (var i = 1; i <= 500; i++)
        {
            inner.Incoming.Writer.TryWrite(Progress(i % 2 == 0 ? "a" : "b", i));
            inner.Incoming.Writer.TryWrite(Progress("nobody's", i)); // progress no call waits for
            inner.Incoming.Writer.TryWrite(new JsonRpcNotification { Method = NotificationMethods.ToolListChangedNotification });
        }

        inner.Incoming.Writer.Complete();
        var read = 0;
        await foreach (var _ in session.MessageReader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            read++; // the SDK's loop: every message still reaches it
        }

        Assert.Equal(1500, read);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (double)(2 * i)), seen["a"]);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (double)(2 * i + 1)), seen["b"]);
    }

    [Fact]
    public async Task AfterItsRegistrationEnds_ACallGetsNoMoreProgress_AndMalformedProgressIsIgnored()
    {
        var inner = new ChannelTransport();
        var progress = new UpstreamProgress();
        var seen = new List<double>();
        var registration = progress.Register("a", new Sink(seen));
        await using var session = await new ProgressOrderingTransport(inner, progress).ConnectAsync(TestContext.Current.CancellationToken);

        inner.Incoming.Writer.TryWrite(Progress("a", 1));
        inner.Incoming.Writer.TryWrite(new JsonRpcNotification { Method = NotificationMethods.ProgressNotification, Params = System.Text.Json.Nodes.JsonNode.Parse("""{"progressToken":{"x":1},"progress":"many"}""") });
        Assert.True(session.MessageReader.TryRead(out _));
        Assert.True(session.MessageReader.TryRead(out _));
        registration.Dispose();
        inner.Incoming.Writer.TryWrite(Progress("a", 2));
        Assert.True(session.MessageReader.TryRead(out _));

        Assert.Equal([1.0], seen);
    }

    private static JsonRpcNotification Progress(string token, int value) => new()
    {
        Method = NotificationMethods.ProgressNotification,
        Params = JsonSerializer.SerializeToNode(new ProgressNotificationParams { ProgressToken = new ProgressToken(token), Progress = new ProgressNotificationValue { Progress = value } },
            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProgressNotificationParams))),
    };

    private sealed class Sink(List<double> seen) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => seen.Add(value.Progress);
    }

    private sealed class ChannelTransport : IClientTransport, ITransport
    {
        public Channel<JsonRpcMessage> Incoming { get; } = Channel.CreateUnbounded<JsonRpcMessage>();

        public string Name => "channel";

        public string? SessionId => null;

        public ChannelReader<JsonRpcMessage> MessageReader => Incoming.Reader;

        public Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) => Task.FromResult<ITransport>(this);

        public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => default;
    }
}
