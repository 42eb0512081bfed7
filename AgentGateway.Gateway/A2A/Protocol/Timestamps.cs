using System.Globalization;

namespace AgentGateway.A2A.Protocol;

internal static class Timestamps
{
    /// <summary>ISO 8601 in UTC with a 'Z' (the '+00:00' form gets '\u002B'-escaped by the default JSON encoder).</summary>
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
