namespace AgentGateway.Mcp.Forwarding;

/// <summary>
/// A target's URL and the shared connection pool forwarded calls reach it through (see
/// <see cref="Upstream.UpstreamTargetFactory.ForwardingPoolFor"/>). The invoker does not own the pool.
/// </summary>
internal sealed record ForwardingPool(HttpMessageInvoker Invoker, Uri Url);
