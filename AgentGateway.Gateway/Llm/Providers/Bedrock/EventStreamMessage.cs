namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>One message of the AWS event-stream framing: its headers (name → string, number, bool, bytes…) and payload.</summary>
internal sealed record EventStreamMessage(IReadOnlyDictionary<string, object> Headers, ReadOnlyMemory<byte> Payload)
{
    /// <summary><c>event</c>, <c>exception</c> or <c>error</c>.</summary>
    public string? MessageType => Header(":message-type");

    public string? EventType => Header(":event-type");

    public string? ExceptionType => Header(":exception-type");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value as string : null;
}
