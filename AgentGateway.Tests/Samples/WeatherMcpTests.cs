using System.Net;
using System.Text;
using System.Text.Json;
using AgentGateway.Samples.WeatherMcp;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGateway.Tests.Samples;

public sealed class WeatherMcpTests : IAsyncLifetime
{
    private SampleServer _server = null!;
    private McpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await SampleServer.StartAsync(args => WeatherServer.Build(args));
        _client = await _server.ConnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_ReturnsHealthy()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri("/health", UriKind.Relative), Ct));
    }

    [Fact]
    public async Task ListTools_AdvertisesReadOnlyToolsWithOutputSchemas()
    {
        var tools = await _client.ListToolsAsync(cancellationToken: Ct);

        Assert.Equal(["get_alerts", "get_forecast", "list_cities"], tools.Select(t => t.Name).Order());
        var forecast = tools.Single(t => t.Name == "get_forecast").ProtocolTool;
        Assert.True(forecast.Annotations?.ReadOnlyHint);
        Assert.False(forecast.Annotations?.OpenWorldHint);
        Assert.NotNull(forecast.OutputSchema);
        Assert.Contains("city", forecast.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task GetForecast_KnownCity_ReturnsStructuredDays()
    {
        var result = await _client.CallToolAsync("get_forecast", new Dictionary<string, object?> { ["city"] = "lisbon", ["days"] = 2 }, cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        var structured = Assert.IsType<JsonElement>(result.StructuredContent);
        Assert.Equal("Lisbon", structured.GetProperty("city").GetString());
        var days = structured.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(2, days.Count);
        Assert.Equal(22, days[0].GetProperty("highC").GetInt32());
        // Older clients read the text block: it must carry the same JSON.
        Assert.Contains("Lisbon", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetForecast_UnknownCity_ReturnsToolErrorListingKnownCities()
    {
        var result = await _client.CallToolAsync("get_forecast", new Dictionary<string, object?> { ["city"] = "Atlantis" }, cancellationToken: Ct);

        Assert.True(result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("Unknown city 'Atlantis'", text, StringComparison.Ordinal);
        Assert.Contains("Seattle", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetForecast_DaysOutOfRange_ReturnsToolError()
    {
        var result = await _client.CallToolAsync("get_forecast", new Dictionary<string, object?> { ["city"] = "Tokyo", ["days"] = 9 }, cancellationToken: Ct);

        Assert.True(result.IsError);
        Assert.Contains("between 1 and 5", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAlerts_CityWithStorm_ReturnsSevereAlert()
    {
        var result = await _client.CallToolAsync("get_alerts", new Dictionary<string, object?> { ["city"] = "New York" }, cancellationToken: Ct);

        var alert = Assert.Single(Assert.IsType<JsonElement>(result.StructuredContent).GetProperty("alerts").EnumerateArray());
        Assert.Equal("severe", alert.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task ForecastPrompt_EmbedsCityResourceAndAsksForTravelAdvice()
    {
        var prompts = await _client.ListPromptsAsync(cancellationToken: Ct);
        Assert.Contains(prompts, p => p.Name == "forecast");

        var prompt = await _client.GetPromptAsync("forecast", new Dictionary<string, object?> { ["city"] = "Seattle" }, cancellationToken: Ct);

        Assert.Equal(2, prompt.Messages.Count);
        var embedded = Assert.IsType<EmbeddedResourceBlock>(prompt.Messages[0].Content);
        Assert.Equal("weather://cities/Seattle", embedded.Resource.Uri);
        Assert.Contains("Seattle", Assert.IsType<TextContentBlock>(prompt.Messages[1].Content).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadCityTemplate_EncodedName_ReturnsCityJson()
    {
        var templates = await _client.ListResourceTemplatesAsync(cancellationToken: Ct);
        Assert.Contains(templates, t => t.UriTemplate == "weather://cities/{name}");

        var result = await _client.ReadResourceAsync("weather://cities/New%20York", cancellationToken: Ct);

        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal("application/json", text.MimeType);
        Assert.Equal("US", JsonDocument.Parse(text.Text).RootElement.GetProperty("country").GetString());
    }

    [Fact]
    public async Task ReadCityTemplate_UnknownCity_FailsWithResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(
            () => _client.ReadResourceAsync("weather://cities/Atlantis", cancellationToken: Ct).AsTask());

        Assert.Equal(McpErrorCode.ResourceNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task Complete_CityPrefix_SuggestsMatchingCities()
    {
        var result = await _client.CompleteAsync(new PromptReference { Name = "forecast" }, "city", "se", cancellationToken: Ct);

        Assert.Equal(["Seattle"], result.Completion.Values);
    }

    [Fact]
    public async Task SessionlessClient_ListsAndCallsTools()
    {
        // The SDK's default revision (2026-07-28) has no initialize and no session; the sample serves it too.
        await using var client = await _server.ConnectAsync(new McpClientOptions { ProtocolVersion = "2026-07-28" });

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var result = await client.CallToolAsync("list_cities", cancellationToken: Ct);

        Assert.Equal(3, tools.Count);
        Assert.Contains("Nairobi", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example", null)]
    [InlineData(null, "http://evil.example")]
    public async Task Mcp_ForeignHostOrOrigin_Returns403(string? host, string? origin)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.McpEndpoint)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
