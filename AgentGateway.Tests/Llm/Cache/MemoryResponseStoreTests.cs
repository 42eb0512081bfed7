using AgentGateway.Llm.Cache;

namespace AgentGateway.Tests.Llm.Cache;

/// <summary>The memory store stays within maxEntries and maxBytes by dropping the least recently used answers.</summary>
public class MemoryResponseStoreTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CachedAnswer Answer(int bytes) => new("application/json", new byte[bytes]);

    private static async Task<bool> HasAsync(MemoryResponseStore store, string key) => await store.GetAsync(key, Ct) is not null;

    [Fact]
    public async Task PastMaxEntries_TheLeastRecentlyUsedGoes()
    {
        var store = new MemoryResponseStore(maxEntries: 2, maxBytes: 1_000_000, TimeProvider.System);
        await store.SetAsync("a", Answer(10), Ttl, Ct);
        await store.SetAsync("b", Answer(10), Ttl, Ct);
        Assert.True(await HasAsync(store, "a")); // a is now more recent than b
        await store.SetAsync("c", Answer(10), Ttl, Ct);

        Assert.Equal(2, store.Count);
        Assert.True(await HasAsync(store, "a"));
        Assert.False(await HasAsync(store, "b"));
        Assert.True(await HasAsync(store, "c"));
    }

    [Fact]
    public async Task PastMaxBytes_EntriesAreEvictedUntilItFits()
    {
        var size = Answer(1000).Size("k1");
        var store = new MemoryResponseStore(maxEntries: 100, maxBytes: size * 3, TimeProvider.System);
        for (var i = 1; i <= 5; i++)
        {
            await store.SetAsync("k" + i, Answer(1000), Ttl, Ct);
            Assert.True(store.Bytes <= size * 3);
        }

        Assert.Equal(3, store.Count);
        Assert.False(await HasAsync(store, "k1"));
        Assert.False(await HasAsync(store, "k2"));
        Assert.True(await HasAsync(store, "k5"));

        // An entry larger than the whole store is not kept, and evicts nothing.
        await store.SetAsync("huge", Answer((int)size * 4), Ttl, Ct);
        Assert.False(await HasAsync(store, "huge"));
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public async Task ReplacingAKey_CountsItsBytesOnce()
    {
        var store = new MemoryResponseStore(maxEntries: 10, maxBytes: 1_000_000, TimeProvider.System);
        await store.SetAsync("a", Answer(100), Ttl, Ct);
        var once = store.Bytes;
        await store.SetAsync("a", Answer(100), Ttl, Ct);

        Assert.Equal(once, store.Bytes);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task AnExpiredEntry_IsAMiss_AndIsDropped()
    {
        var clock = new ManualClock();
        var store = new MemoryResponseStore(maxEntries: 10, maxBytes: 1_000_000, clock);
        await store.SetAsync("a", Answer(10), TimeSpan.FromSeconds(30), Ct);

        clock.Now += TimeSpan.FromSeconds(29);
        Assert.True(await HasAsync(store, "a"));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.False(await HasAsync(store, "a"));
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.Bytes);
    }
}
