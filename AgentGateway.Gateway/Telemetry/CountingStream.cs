namespace AgentGateway.Telemetry;

/// <summary>Counts the bytes written through it to the response (for the access log); flushes pass straight through for SSE.</summary>
internal sealed class CountingStream(Stream inner, RequestTelemetryFeature telemetry) : WriteObservingStream(inner)
{
    protected override void OnWrite(ReadOnlySpan<byte> bytes) => telemetry.BytesOut += bytes.Length;
}
