using System.Security.Cryptography;

namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>
/// The test as the trace's client: a W3C <c>traceparent</c> with a fresh trace id, so every span the request
/// causes, in every service, lands in one trace the test can look up by id.
/// </summary>
internal sealed record TraceContext(string TraceId, string ClientSpanId)
{
    public static TraceContext New() =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    public string TraceParent => $"00-{TraceId}-{ClientSpanId}-01";

    public void Apply(HttpRequestMessage request) => request.Headers.Add("traceparent", TraceParent);
}
