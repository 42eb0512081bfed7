using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// Lets the SDK client negotiate the protocol revision through the <c>initialize</c> handshake without its
/// 2026-07-28 <c>server/discover</c> probe. With <see cref="McpClientOptions.ProtocolVersion"/> unset the SDK 2.3.1
/// probes first and then falls back to <c>initialize</c> offering 2025-11-25 and accepting whatever initialize-capable
/// revision (2024-11-05 … 2025-11-25) the server answers; pinning a version instead makes it refuse every server that
/// answers another one. Upstream the gateway wants the handshake (sessions it can record, server-initiated requests)
/// but not the probe: it is one more round trip per connection, stdio servers that ignore unknown methods stall it
/// for the probe timeout, and servers that answer unknown methods with an empty result (or with a session header)
/// make it fail outright. So this transport answers the probe itself, without sending it (see <see cref="ProbeAnswer"/>),
/// and the SDK goes straight to <c>initialize</c>. Everything else passes through unchanged.
/// </summary>
internal sealed class InitializeHandshakeTransport(IClientTransport inner) : IClientTransport
{
    public string Name => inner.Name;

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
        new Session(await inner.ConnectAsync(cancellationToken));

    /// <summary>
    /// The probe's answer: a discovery result whose only revision is <see cref="OfferedRevision"/>. The SDK then takes
    /// its documented path for such a server — the <c>initialize</c> handshake offering the highest listed revision
    /// that has one, accepting any initialize revision in return — without logging a failed request per connection.
    /// </summary>
    private static readonly JsonNode ProbeAnswer = JsonSerializer.SerializeToNode(new DiscoverResult
    {
        SupportedVersions = [OfferedRevision],
        Capabilities = new ServerCapabilities(),
        TimeToLive = TimeSpan.Zero,
        CacheScope = CacheScope.Private,
    }, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(DiscoverResult)))!;

    /// <summary>The revision the gateway offers in <c>initialize</c>: the newest that has the handshake.</summary>
    public const string OfferedRevision = "2025-11-25";

    /// <summary>
    /// The connection: sends go to the inner transport except the probe, whose answer the reader hands out first. The
    /// reader is the inner one plus that single answer — no copying loop, so messages reach the SDK exactly as before,
    /// in the same order and with the inner transport's completion (the SDK reads how the connection ended, e.g. a
    /// stdio process's exit, from it). Until the SDK sends its first message the reader waits for it: the probe is
    /// that first message, and nothing the server says before the handshake can be handled anyway.
    /// </summary>
    private sealed class Session(ITransport inner) : ITransport
    {
        private readonly Reader _reader = new(inner.MessageReader);

        public string? SessionId => inner.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader => _reader;

        public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
        {
            if (message is JsonRpcRequest { Method: RequestMethods.ServerDiscover } probe)
            {
                _reader.FirstMessageSent(new JsonRpcResponse { Id = probe.Id, Result = ProbeAnswer.DeepClone() });
                return Task.CompletedTask;
            }

            _reader.FirstMessageSent(null);
            return inner.SendMessageAsync(message, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            _reader.FirstMessageSent(null);
            await inner.DisposeAsync();
        }
    }

    private sealed class Reader(ChannelReader<JsonRpcMessage> inner) : ChannelReader<JsonRpcMessage>
    {
        private readonly TaskCompletionSource _firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private JsonRpcMessage? _answer;
        private int _sent;

        public override Task Completion => inner.Completion;

        /// <summary>Called on every send; only the first counts. <paramref name="answer"/> is the probe's answer when it was the probe.</summary>
        public void FirstMessageSent(JsonRpcMessage? answer)
        {
            if (Interlocked.Exchange(ref _sent, 1) == 0)
            {
                Volatile.Write(ref _answer, answer);
                _firstSent.TrySetResult();
            }
        }

        public override bool TryRead([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out JsonRpcMessage item)
        {
            if (Interlocked.Exchange(ref _answer, null) is { } answer)
            {
                item = answer;
                return true;
            }

            return inner.TryRead(out item);
        }

        public override async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
        {
            if (!_firstSent.Task.IsCompleted)
            {
                await _firstSent.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            return Volatile.Read(ref _answer) is not null || await inner.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
