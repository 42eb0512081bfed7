using System.IO.Compression;
using AgentGateway.AppHost.Dashboard.Otlp.Proto;
using AgentGateway.AppHost.Dashboard.Telemetry;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AgentGateway.AppHost.Dashboard.Otlp;

/// <summary>
/// OTLP/HTTP with protobuf bodies (what OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf sends):
/// POST /v1/traces, /v1/logs, /v1/metrics. Bad bodies get 400, other media types 415, oversized 413.
/// </summary>
internal static class OtlpReceiver
{
    private const string Protobuf = "application/x-protobuf";
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints, TelemetryStore store)
    {
        endpoints.MapPost("/v1/traces", (HttpContext http) => ReceiveAsync(http, ExportTraceServiceRequest.Parser,
            r => store.AddSpans(OtlpConverter.ToSpans(r)), new ExportTraceServiceResponse()));
        endpoints.MapPost("/v1/logs", (HttpContext http) => ReceiveAsync(http, ExportLogsServiceRequest.Parser,
            r => store.AddLogs(OtlpConverter.ToLogs(r)), new ExportLogsServiceResponse()));
        endpoints.MapPost("/v1/metrics", (HttpContext http) => ReceiveAsync(http, ExportMetricsServiceRequest.Parser,
            r => store.AddMetrics(OtlpConverter.ToMetrics(r)), new ExportMetricsServiceResponse()));
    }

    private static async Task ReceiveAsync<TRequest>(HttpContext http, MessageParser<TRequest> parser, Action<TRequest> store,
        IMessage response) where TRequest : IMessage<TRequest>
    {
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, Protobuf, StringComparison.OrdinalIgnoreCase))
        {
            await Problem(http, StatusCodes.Status415UnsupportedMediaType, $"expected Content-Type {Protobuf}");
            return;
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(http.Request, http.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            await Problem(http, StatusCodes.Status400BadRequest, ex.Message);
            return;
        }
        catch (BodyTooLargeException)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, $"body larger than {MaxBodyBytes} bytes");
            return;
        }

        TRequest request;
        try
        {
            request = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException ex)
        {
            await Problem(http, StatusCodes.Status400BadRequest, "invalid protobuf: " + ex.Message);
            return;
        }

        store(request);
        http.Response.ContentType = Protobuf;
        await http.Response.Body.WriteAsync(response.ToByteArray(), http.RequestAborted);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        switch (encoding)
        {
            case "" or "identity":
                return await ReadBoundedAsync(request.Body, ct);
            case "gzip":
                // The bound applies to the decompressed size, so a small gzip bomb is refused too.
                await using (var gzip = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true))
                {
                    return await ReadBoundedAsync(gzip, ct);
                }

            default:
                throw new InvalidDataException($"unsupported Content-Encoding '{encoding}'");
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream source, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new BodyTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task Problem(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = detail }, http.RequestAborted);
    }

    private sealed class BodyTooLargeException : Exception;
}
