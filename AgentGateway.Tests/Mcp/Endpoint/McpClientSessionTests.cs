using System.IO.Pipelines;
using AgentGateway.Mcp.Endpoint;
using AgentGateway.Mcp.Sessions;
using ModelContextProtocol.Server;

namespace AgentGateway.Tests.Mcp.Endpoint;

/// <summary>The transitions of one client session's state on a replica, and the table that holds them.</summary>
public sealed class McpClientSessionTests
{
    private static McpSessionRecord Record(string backend = "tools", string principal = "[\"user\",\"idp\",\"ada\"]") => new()
    {
        SessionId = "s1",
        Backend = backend,
        Principal = principal,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void Admit_AnotherPrincipal_IsRefused()
    {
        Assert.Equal(SessionAdmission.OtherPrincipal, McpClientSession.Admit(Record(), "tools", "[\"user\",\"idp\",\"eve\"]"));
        Assert.Equal(SessionAdmission.OtherPrincipal, McpClientSession.Admit(Record(), "tools", "")); // anonymous is not the owner either
    }

    [Fact]
    public void Admit_AnotherBackend_DoesNotSeeTheSession()
    {
        Assert.Equal(SessionAdmission.OtherBackend, McpClientSession.Admit(Record(backend: "other"), "tools", "[\"user\",\"idp\",\"ada\"]"));
    }

    [Fact]
    public void Admit_OwnerOnItsBackend_IsAllowed()
    {
        Assert.Equal(SessionAdmission.Allowed, McpClientSession.Admit(Record(), "tools", "[\"user\",\"idp\",\"ada\"]"));
    }

    [Fact]
    public async Task Open_OnlyOnce_AndNeverAfterTheEnd()
    {
        await using var server = TestServer.Create();
        var session = new McpClientSession("s1");
        var ended = new McpClientSession("s2");
        ended.End();

        Assert.True(session.Open(server.Server));
        Assert.False(session.Open(server.Server));
        Assert.Same(server.Server, session.Server);
        Assert.False(ended.Open(server.Server));
        Assert.False(ended.IsOpen);
    }

    [Fact]
    public void End_IsIdempotent()
    {
        var session = new McpClientSession("s1");

        Assert.True(session.End());
        Assert.False(session.End());
        Assert.True(session.IsEnded);
    }

    [Fact]
    public void TakeOverStandaloneStream_ResumesOnlyAStreamStartedHere()
    {
        var session = new McpClientSession("s1");

        Assert.False(session.TakeOverStandaloneStream()); // first here: a Last-Event-ID from another replica is not resumed
        Assert.True(session.TakeOverStandaloneStream()); // a reconnection of the stream held here is
    }

    [Fact]
    public void BeginDelete_OneAtATime_AndItsRecordIsTakenOnce()
    {
        var session = new McpClientSession("s1");
        var record = Record();

        Assert.True(session.BeginDelete(record));
        Assert.False(session.BeginDelete(record));
        Assert.Same(record, session.TakeDelete());
        Assert.Null(session.TakeDelete()); // whoever took it ends the upstream sessions; nobody else does
        Assert.True(session.BeginDelete(record)); // a failed DELETE leaves the session deletable again
    }

    [Fact]
    public async Task GetUpstream_SecondRequestWhileBuilding_SharesTheBuild()
    {
        var session = new McpClientSession("s1");
        var builds = 0;
        var gate = new TaskCompletionSource<SessionUpstream>();

        var first = session.GetUpstreamAsync(() => { Interlocked.Increment(ref builds); return gate.Task; });
        var second = session.GetUpstreamAsync(() => { Interlocked.Increment(ref builds); return gate.Task; });

        Assert.Same(first, second);
        Assert.Equal(1, builds);
        Assert.Null(session.ReadyUpstream); // not built yet: never waited for
        gate.SetCanceled(TestContext.Current.CancellationToken);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.TakeUpstreamAsync());
        Assert.Null(session.DetachUpstream()); // taken: nothing left to detach
    }

    [Fact]
    public void Table_OneSessionPerId_RemovedOnlyAsTheSameInstance()
    {
        var table = new McpSessionTable();
        var session = table.GetOrAdd("s1");

        Assert.Same(session, table.GetOrAdd("s1"));
        Assert.True(table.Remove(session));
        var newer = table.GetOrAdd("s1");
        Assert.False(table.Remove(session)); // an old session's end does not remove a newer one under the same id
        Assert.Same(newer, table.Find("s1"));
    }

    [Fact]
    public async Task Table_RemoveIfUnused_DropsOnlyASessionThatNeverOpenedHere()
    {
        await using var server = TestServer.Create();
        var table = new McpSessionTable();
        var neverOpened = table.GetOrAdd("s1");
        var open = table.GetOrAdd("s2");
        open.Open(server.Server);

        table.RemoveIfUnused(neverOpened);
        table.RemoveIfUnused(open);

        Assert.Null(table.Find("s1"));
        Assert.Same(open, table.Find("s2"));
    }

    /// <summary>A real SDK server over in-memory pipes (never run): what the SDK's session loop hands the runtime.</summary>
    private sealed class TestServer : IAsyncDisposable
    {
        private readonly Pipe _input = new();
        private readonly Pipe _output = new();

        private TestServer() =>
            Server = McpServer.Create(new StreamServerTransport(_input.Reader.AsStream(), _output.Writer.AsStream()), new McpServerOptions());

        public McpServer Server { get; }

        public static TestServer Create() => new();

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            await _input.Writer.CompleteAsync();
            await _output.Reader.CompleteAsync();
        }
    }
}
