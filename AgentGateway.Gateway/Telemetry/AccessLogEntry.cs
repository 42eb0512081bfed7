using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace AgentGateway.Telemetry;

/// <summary>
/// The structured state of one access-log line: only the configured fields that have a value, as key/value pairs (so
/// JSON and OTLP log exporters keep them as attributes), rendered as <c>key=value</c> for plain consoles.
/// No payloads, headers or query strings: they may carry secrets.
/// </summary>
/// <remarks>
/// Written once per request, so it is cheap on the request path (bench/README.md, "access log"): the values are held
/// as they are (no list, no boxing) and become pairs only when a provider enumerates them; <see cref="ToString"/>
/// formats into a stack buffer. Values are copied in, never read from the request later: a provider may keep the
/// state after the request's objects are reused.
/// </remarks>
internal sealed class AccessLogEntry : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static readonly Func<AccessLogEntry, Exception?, string> Format = (entry, _) => entry.ToString();

    private readonly AccessLogValues _values;

    // The present fields in configured order, 4 bits each (12 fields fit in 48 bits).
    private readonly ulong _order;

    public AccessLogEntry(AccessLogFields fields, in AccessLogValues values)
    {
        _values = values;
        foreach (var field in fields.Ids)
        {
            if (HasValue(field))
            {
                _order |= (ulong)field << (4 * Count);
                Count++;
            }
        }
    }

    public int Count { get; }

    public KeyValuePair<string, object?> this[int index] =>
        (uint)index < (uint)Count ? new(AccessLogFields.Name(At(index)), Value(At(index))) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        text.AppendLiteral("access");
        for (var i = 0; i < Count; i++)
        {
            var field = At(i);
            text.AppendLiteral(" ");
            text.AppendLiteral(AccessLogFields.Name(field));
            text.AppendLiteral("=");
            // Invariant, shortest round-trip formatting: the same text Convert.ToString(value, invariant) gave.
            switch (field)
            {
                case AccessLogField.Status: text.AppendFormatted(_values.Status); break;
                case AccessLogField.DurationMs: text.AppendFormatted(_values.DurationMs); break;
                case AccessLogField.BytesIn: text.AppendFormatted(_values.BytesIn!.Value); break;
                case AccessLogField.BytesOut: text.AppendFormatted(_values.BytesOut); break;
                case AccessLogField.InputTokens: text.AppendFormatted(_values.InputTokens!.Value); break;
                case AccessLogField.OutputTokens: text.AppendFormatted(_values.OutputTokens!.Value); break;
                default: text.AppendFormatted((string?)Value(field)); break;
            }
        }

        return text.ToStringAndClear();
    }

    private AccessLogField At(int index) => (AccessLogField)((_order >> (4 * index)) & 0xF);

    private bool HasValue(AccessLogField field) => field switch
    {
        AccessLogField.Status or AccessLogField.DurationMs or AccessLogField.BytesOut => true,
        AccessLogField.BytesIn => _values.BytesIn is not null,
        AccessLogField.InputTokens => _values.InputTokens is not null,
        AccessLogField.OutputTokens => _values.OutputTokens is not null,
        _ => Value(field) is not null,
    };

    private object? Value(AccessLogField field) => field switch
    {
        AccessLogField.Route => _values.Route,
        AccessLogField.Method => _values.Method,
        AccessLogField.Path => _values.Path,
        AccessLogField.Status => _values.Status,
        AccessLogField.DurationMs => _values.DurationMs,
        AccessLogField.Principal => _values.Principal,
        AccessLogField.Upstream => _values.Upstream,
        AccessLogField.BytesIn => _values.BytesIn,
        AccessLogField.BytesOut => _values.BytesOut,
        AccessLogField.InputTokens => _values.InputTokens,
        AccessLogField.OutputTokens => _values.OutputTokens,
        AccessLogField.Tool => _values.Tool,
        _ => null,
    };
}

/// <summary>What one request's access-log line can say; which of it is written is the config's <see cref="AccessLogFields"/>.</summary>
internal readonly record struct AccessLogValues(
    string? Route,
    string Method,
    string? Path,
    int Status,
    double DurationMs,
    string? Principal,
    string? Upstream,
    long? BytesIn,
    long BytesOut,
    long? InputTokens,
    long? OutputTokens,
    string? Tool);
