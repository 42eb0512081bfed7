using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// A client transport that shows <see cref="UpstreamProgress"/> every message the SDK reads from it, in the order it
/// reads them: the SDK's read loop is sequential even though it handles each message on its own task afterwards.
/// </summary>
internal sealed class ProgressOrderingTransport(IClientTransport inner, UpstreamProgress progress) : IClientTransport
{
    public string Name => inner.Name;

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
        new Session(await inner.ConnectAsync(cancellationToken), progress);

    private sealed class Session(ITransport inner, UpstreamProgress progress) : ITransport
    {
        private readonly Reader _reader = new(inner.MessageReader, progress);

        public string? SessionId => inner.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader => _reader;

        public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) => inner.SendMessageAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class Reader(ChannelReader<JsonRpcMessage> inner, UpstreamProgress progress) : ChannelReader<JsonRpcMessage>
    {
        public override Task Completion => inner.Completion;

        public override bool TryRead([MaybeNullWhen(false)] out JsonRpcMessage item)
        {
            if (!inner.TryRead(out item))
            {
                return false;
            }

            progress.Observe(item);
            return true;
        }

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => inner.WaitToReadAsync(cancellationToken);
    }
}
