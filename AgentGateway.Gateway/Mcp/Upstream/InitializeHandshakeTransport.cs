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

    private sealed class Session : ITransport
    {
        private readonly ITransport _inner;
        private readonly Channel<JsonRpcMessage> _messages = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleReader = true });
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _pump;

        public Session(ITransport inner)
        {
            _inner = inner;
            _pump = PumpAsync();
        }

        public string? SessionId => _inner.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader => _messages.Reader;

        public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
        {
            if (message is JsonRpcRequest { Method: RequestMethods.ServerDiscover } probe)
            {
                _messages.Writer.TryWrite(new JsonRpcResponse { Id = probe.Id, Result = ProbeAnswer.DeepClone() });
                return Task.CompletedTask;
            }

            return _inner.SendMessageAsync(message, cancellationToken);
        }

        /// <summary>
        /// Copies the inner transport's messages to ours and completes ours the way the inner one completed: the SDK
        /// reads the connection's end (e.g. a stdio process's exit details) from that completion's exception.
        /// </summary>
        private async Task PumpAsync()
        {
            var reader = _inner.MessageReader;
            try
            {
                while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
                {
                    while (reader.TryRead(out var message))
                    {
                        _messages.Writer.TryWrite(message);
                    }
                }
            }
            catch (Exception)
            {
                // The completion below carries the error (or we were disposed).
            }

            var completion = reader.Completion;
            _messages.Writer.TryComplete(completion.IsFaulted ? completion.Exception!.InnerException : null);
        }

        public async ValueTask DisposeAsync()
        {
            await _inner.DisposeAsync();
            await _stop.CancelAsync(); // in case the inner transport left its channel open
            await _pump;
            _stop.Dispose();
        }
    }
}
