using System.Collections;
using System.Globalization;
using System.Text;

namespace AgentGateway.Telemetry;

/// <summary>
/// The structured state of one access-log line: only the configured fields, as key/value pairs (so JSON
/// and OTLP log exporters keep them as attributes), rendered as <c>key=value</c> for plain consoles.
/// No payloads, headers or query strings: they may carry secrets.
/// </summary>
internal sealed class AccessLogEntry(List<KeyValuePair<string, object?>> fields) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static readonly Func<AccessLogEntry, Exception?, string> Format = (entry, _) => entry.ToString();

    public int Count => fields.Count;

    public KeyValuePair<string, object?> this[int index] => fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var sb = new StringBuilder("access");
        foreach (var (key, value) in fields)
        {
            sb.Append(' ').Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
