#pragma warning disable MCP9005 // Sampling, roots and logging are deprecated in 2026-07-28, but 2025-x clients and servers use them and the gateway forwards them.
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Mcp.Upstream;

/// <summary>
/// Where server-initiated traffic from a target goes: one implementation forwards to a client session, the
/// shared one (for clients without sampling/elicitation/roots) only re-emits list changes.
/// </summary>
internal interface IUpstreamCallbacks
{
    /// <summary>When false no sampling/elicitation/roots capability is advertised upstream.</summary>
    bool ForwardsClientRequests { get; }

    ClientCapabilities? ClientCapabilities { get; }

    ValueTask<CreateMessageResult> SampleAsync(string target, CreateMessageRequestParams? request,
        IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken);

    ValueTask<ElicitResult> ElicitAsync(string target, ElicitRequestParams? request, CancellationToken cancellationToken);

    ValueTask<ListRootsResult> ListRootsAsync(string target, ListRootsRequestParams? request, CancellationToken cancellationToken);

    ValueTask OnLogMessageAsync(string target, LoggingMessageNotificationParams message, CancellationToken cancellationToken);

    /// <summary><paramref name="method"/> is one of the <c>notifications/*/list_changed</c> names.</summary>
    ValueTask OnListChangedAsync(string target, string method, CancellationToken cancellationToken);

    ValueTask OnResourceUpdatedAsync(string target, ResourceUpdatedNotificationParams notification, CancellationToken cancellationToken);
}
