using AgentGateway.Security.Cedar;

namespace AgentGateway.Security;

/// <summary>
/// Converts request data to Cedar attributes without ever failing a request: values Cedar cannot
/// represent (null, JSON null inside tool arguments, floating-point numbers) leave that attribute out,
/// so a policy testing it with <c>has</c> sees it absent instead of the gateway answering 500.
/// </summary>
internal static class CedarValues
{
    public static Dictionary<string, CedarValue> Record(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var record = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (value is null)
            {
                continue;
            }

            try
            {
                record[key] = CedarValue.FromObject(value);
            }
#pragma warning disable CA1031 // Any conversion failure means "not representable in Cedar": skip the attribute.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        return record;
    }
}
