using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.Traffic;

public class TrafficConfigValidationTests
{
    [Fact]
    public async Task InvalidTrafficPolicies_ReportEveryErrorWithItsPath()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync("""
            listeners:
              - { name: plain, url: "http://127.0.0.1:1", minTlsVersion: "1.0", clientCertificate: { mode: maybe, caPath: missing.pem } }
            routes: [{ name: r, path: /, http: b, policies: [bad] }]
            http:
              b: { destinations: ["http://127.0.0.1:1"], tls: { caPath: nowhere.pem } }
            policies:
              bad:
                cors: { allowedOrigins: ["https://app.example.com/path", "*"], allowCredentials: true, maxAge: soon }
                timeouts: { request: 0s, backend: fast }
                retries: { attempts: 0, statusCodes: [42], methods: ["GE T"] }
                headers: { request: { set: { Connection: close } }, response: { remove: ["bad header"] } }
                limits: { maxRequestBodySize: 0, maxConcurrentRequests: -1 }
                trustedProxies: [10.0.0.0/33]
                rateLimit: { per: 1x, key: user, store: disk }
            limits: { maxRequestHeadersTotalSize: 0 }
            """));

        foreach (var expected in new[]
        {
            "listeners[0].minTlsVersion",
            "listeners[0].clientCertificate: client certificates need an https listener",
            "listeners[0].clientCertificate.mode",
            "listeners[0].clientCertificate.caPath: file 'missing.pem' not found",
            "http.b.tls.caPath",
            "policies.bad.cors.allowedOrigins[0]",
            "policies.bad.cors.allowedOrigins[1]",
            "policies.bad.cors.maxAge",
            "policies.bad.timeouts.request: must be longer than zero",
            "policies.bad.timeouts.backend",
            "policies.bad.retries.attempts",
            "policies.bad.retries.statusCodes[0]",
            "policies.bad.retries.methods[0]",
            "policies.bad.headers.request.set.Connection: 'Connection' is a hop-by-hop header",
            "policies.bad.headers.response.remove[0]",
            "policies.bad.limits.maxRequestBodySize",
            "policies.bad.limits.maxConcurrentRequests",
            "policies.bad.trustedProxies[0]",
            "policies.bad.rateLimit: set requests or tokens",
            "policies.bad.rateLimit.per",
            "policies.bad.rateLimit.key",
            "policies.bad.rateLimit.store",
            "limits.maxRequestHeadersTotalSize",
        })
        {
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RedisRateLimit_WithoutAConnectionString_IsAConfigError()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync("""
            routes: [{ name: r, path: /, http: b, policies: [q] }]
            http: { b: { destinations: ["http://127.0.0.1:1"] } }
            policies: { q: { rateLimit: { requests: 1, store: redis } } }
            """));

        Assert.Contains("policies.q.rateLimit.store: the redis store needs the connection string 'redis'", ex.Message, StringComparison.Ordinal);
    }
}
