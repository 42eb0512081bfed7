using System.Globalization;
using System.Text;

namespace AgentGateway.Configuration;

/// <summary>Turns configuration keys (<c>routes:2:mcp</c>) into the paths users read (<c>routes[2].mcp</c>).</summary>
public static class ConfigPath
{
    /// <summary>Display form of a colon-separated key.</summary>
    public static string Display(string key) => Display(key.Split(':'));

    /// <summary>Display form of key segments.</summary>
    public static string Display(ReadOnlySpan<string> segments)
    {
        var sb = new StringBuilder();
        foreach (var segment in segments)
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                sb.Append('[').Append(segment).Append(']');
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(segment);
            }
        }

        return sb.ToString();
    }
}
