using System.Net;
using System.Net.Sockets;
using AgentGateway.AppHost.Hosting;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.AppHost;

public class PortAllocatorTests
{
    [Fact]
    public void Allocate_ManyTimes_GivesDistinctBindablePorts()
    {
        var allocator = new PortAllocator();
        var ports = Enumerable.Range(0, 50).Select(_ => allocator.Allocate()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.True(PortAllocator.IsFree(p), $"port {p} should be bindable"));
    }

    [Fact]
    public void AllocatePreferred_PortInUse_FallsBackToAnotherPort()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var taken = ((IPEndPoint)busy.LocalEndpoint).Port;

        var port = new PortAllocator().AllocatePreferred(taken);

        Assert.NotEqual(taken, port);
        Assert.True(port > 0);
    }

    [Fact]
    public void Allocate_AfterReserve_NeverReturnsReservedPort()
    {
        var allocator = new PortAllocator();
        var first = allocator.Allocate();
        var fresh = new PortAllocator();
        fresh.Reserve(first);

        var ports = Enumerable.Range(0, 20).Select(_ => fresh.Allocate());

        Assert.DoesNotContain(first, ports);
    }

    [Fact]
    public async Task StartAsync_FixedAndFreePorts_AreAllocatedAsDeclared()
    {
        var ct = TestContext.Current.CancellationToken;
        var fixedPort = new PortAllocator().Allocate();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(b =>
        {
            b.AddExecutable("fixed", "node", ".", "-e", AppHostScripts.HttpServer).WithHttpEndpoint(port: fixedPort).WithHttpHealthCheck();
            b.AddExecutable("free", "node", ".", "-e", AppHostScripts.HttpServer).WithHttpHealthCheck();
        }, cancellationToken: ct);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        await app.WaitForResourceHealthyAsync("fixed", ct);
        await app.WaitForResourceHealthyAsync("free", ct);

        Assert.Equal(fixedPort, app.GetEndpoint("fixed").Port);
        Assert.NotEqual(fixedPort, app.GetEndpoint("free").Port);
        Assert.Equal("ok from free", await app.CreateHttpClient("free").GetStringAsync(new Uri("/", UriKind.Relative), ct));
        Assert.Equal("ok from fixed", await app.CreateHttpClient("fixed").GetStringAsync(new Uri("/", UriKind.Relative), ct));
    }
}
