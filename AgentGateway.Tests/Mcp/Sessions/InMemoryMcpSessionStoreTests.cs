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
    public async Task Touch_WrittenOncePerGranularity_NeverExpiresBeforeLastRequestPlusTtl()
    {
        var clock = new ManualClock();
        var store = new InMemoryMcpSessionStore(clock);
        var ttl = TimeSpan.FromMinutes(30);
        await store.SetAsync(Record("s1"), ttl, Ct);

        // Requests every 300 ms: most touches fall inside the granularity of the last written one and write nothing.
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(300));
            Assert.NotNull(await store.GetAndTouchAsync("s1", ttl, Ct));
        }

        // Alive through the last request + TTL (however recently the expiry was last written)...
        clock.Advance(ttl);
        Assert.NotNull(await store.GetAsync("s1", Ct));

        // ...and gone at most one granularity later: an idle session still expires on time.
        clock.Advance(InMemoryMcpSessionStore.TouchGranularity);
        Assert.Null(await store.GetAsync("s1", Ct));
    }

    [Fact]
    public async Task Touch_WithAShorterTtl_ShortensTheExpiry()
    {
        var clock = new ManualClock();
        var store = new InMemoryMcpSessionStore(clock);
        await store.SetAsync(Record("s1"), TimeSpan.FromMinutes(30), Ct);

        // A reload that shortens the idle TTL applies from the session's next request, as before the throttle.
        Assert.NotNull(await store.GetAndTouchAsync("s1", TimeSpan.FromMinutes(5), Ct));
        clock.Advance(TimeSpan.FromMinutes(5) + InMemoryMcpSessionStore.TouchGranularity);

        Assert.Null(await store.GetAsync("s1", Ct));
    }

    [Fact]
    public async Task Set_ReplacingATouchedEntry_KeepsTheNewRecord()
    {
        var clock = new ManualClock();
        var store = new InMemoryMcpSessionStore(clock);
        await store.SetAsync(Record("s1"), TimeSpan.FromMinutes(30), Ct);
        Assert.NotNull(await store.GetAndTouchAsync("s1", TimeSpan.FromMinutes(30), Ct));

        await store.SetAsync(Record("s1") with { Backend = "other" }, TimeSpan.FromMinutes(30), Ct);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("other", (await store.GetAndTouchAsync("s1", TimeSpan.FromMinutes(30), Ct))?.Backend);
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
