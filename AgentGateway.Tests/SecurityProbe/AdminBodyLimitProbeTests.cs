using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Tests.Infrastructure;

namespace AgentGateway.Tests.SecurityProbe;

/// <summary>Admin request bodies are capped at 1 MB: a bigger body gets a 413 with a JSON error, declared or chunked.</summary>
public class AdminBodyLimitProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A valid explain request padded past 1 MB: without a cap it is parsed whole (and answered 200).
    private static byte[] OversizeExplain() => Encoding.UTF8.GetBytes(
        """{"cedarText":"permit(principal, action, resource);","principal":{"type":"User","id":"a"},"action":"http","resource":{"type":"Route","id":"r"},"context":{"pad":" """
        + new string('x', 1_100_000) + "\"}}");

    private static async Task<(TestGateway Gateway, HttpClient Admin)> StartAsync()
    {
        var adminPort = FreePort.Next();
        var gw = await TestGateway.StartAsync($$"""
            admin: { url: "http://127.0.0.1:{{adminPort}}" }
            routes: []
            """);
        return (gw, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") });
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("request_too_large", json.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task AdminExplain_BodyOver1MbWithContentLength_Returns413WithJsonError()
    {
        var (gw, admin) = await StartAsync();
        await using var _ = gw;
        using var __ = admin;

        using var response = await admin.PostAsync("/authorize/explain", new ByteArrayContent(OversizeExplain()), Ct);

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task AdminExplain_ChunkedBodyOver1Mb_Returns413WithJsonError()
    {
        var (gw, admin) = await StartAsync();
        await using var _ = gw;
        using var __ = admin;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/authorize/explain") { Content = new StreamContent(new MemoryStream(OversizeExplain())) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await admin.SendAsync(request, Ct);

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task AdminExplain_BodyUnder1Mb_IsStillAnswered()
    {
        var (gw, admin) = await StartAsync();
        await using var _ = gw;
        using var __ = admin;
        var body = """{"cedarText":"permit(principal, action, resource);","principal":{"type":"User","id":"a"},"action":"http","resource":{"type":"Route","id":"r"},"context":{"pad":" """
            + new string('x', 900_000) + "\"}}";

        using var response = await admin.PostAsync("/authorize/explain", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
