namespace AgentGateway.Samples.WeatherMcp;

/// <summary>Weather MCP sample over Streamable HTTP at /mcp (listens on ASPNETCORE_URLS / --urls).</summary>
internal static class Program
{
    // A namespaced Main instead of top-level statements: the test project references several web
    // projects, and each top-level Program would clash with the gateway's global Program.
    public static void Main(string[] args) => WeatherServer.Build(args).Run();
}
