// A tiny HTTP backend for whole-stack tests and the local stack: it answers every request with a
// JSON description of what it received, so a test can see exactly what the gateway forwarded.
// It uses the service defaults (OpenTelemetry, /health) so its spans join the gateway's in the dashboard.
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
var app = builder.Build();

app.MapDefaultEndpoints();
app.Map("/{**path}", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    return Results.Json(new EchoResponse(
        request.Method,
        request.PathBase + request.Path,
        request.QueryString.Value ?? string.Empty,
        request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        body,
        Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? "echo"), EchoJsonContext.Default.EchoResponse);
});

app.Run();

internal sealed record EchoResponse(string Method, string Path, string Query, Dictionary<string, string> Headers, string Body, string Service);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(EchoResponse))]
internal sealed partial class EchoJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
