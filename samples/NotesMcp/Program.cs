namespace AgentGateway.Samples.NotesMcp;

/// <summary>Notes MCP sample over Streamable HTTP at /mcp (listens on ASPNETCORE_URLS / --urls).</summary>
internal static class Program
{
    // Namespaced rather than top-level: see WeatherMcp/Program.cs.
    public static void Main(string[] args) => NotesServer.Build(args).Run();
}
