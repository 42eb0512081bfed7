using AgentGateway.Mcp.Sessions;

namespace AgentGateway.Tests.Mcp.Sessions;

public sealed class InMemoryMcpSessionStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static McpSessionRecord Record(string id) => new() { SessionId = id, Backend = "tools", Principal = "alice" };

    [Fact]
    public async Task Get_AfterTtl_ReturnsNull_TouchSlidesExpiry()
    {
        var clock = new ManualClock();
        var store = new InMemoryMcpSessionStore(clock);
        await store.SetAsync(Record("s1"), TimeSpan.FromMinutes(30), Ct);
        await store.SetAsync(Record("s2"), TimeSpan.FromMinutes(30), Ct);

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal("s1", (await store.GetAndTouchAsync("s1", TimeSpan.FromMinutes(30), Ct))?.SessionId);
        clock.Advance(TimeSpan.FromMinutes(20));

        Assert.NotNull(await store.GetAsync("s1", Ct));
        Assert.Null(await store.GetAsync("s2", Ct));
        Assert.Null(await store.GetAndTouchAsync("s2", TimeSpan.FromMinutes(30), Ct));
    }

    [Fact]
    public async Task Remove_ForgetsTheSession()
    {
        var store = new InMemoryMcpSessionStore(TimeProvider.System);
        await store.SetAsync(Record("s1"), TimeSpan.FromMinutes(30), Ct);

        await store.RemoveAsync("s1", Ct);

        Assert.Null(await store.GetAsync("s1", Ct));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
