namespace AgentGateway.Samples.ConformanceMcp;

/// <summary>MCP conformance backend at /mcp (listens on ASPNETCORE_URLS / --urls).</summary>
internal static class Program
{
    // Namespaced rather than top-level: see WeatherMcp/Program.cs.
    public static void Main(string[] args) => ConformanceServer.Build(args).Run();
}
