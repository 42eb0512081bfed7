namespace MockLlm;

/// <summary>One model request as the mock saw it, so tests can assert what the gateway forwarded.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
