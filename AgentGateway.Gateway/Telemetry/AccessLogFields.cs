namespace AgentGateway.Telemetry;

/// <summary>One access-log field; the order of <see cref="AccessLogConfig.AllFields"/>.</summary>
internal enum AccessLogField : byte
{
    Route,
    Method,
    Path,
    Status,
    DurationMs,
    Principal,
    Upstream,
    BytesIn,
    BytesOut,
    InputTokens,
    OutputTokens,
    Tool,
}

/// <summary>
/// The fields an <see cref="AccessLogConfig"/> asks for, resolved from their names once per config instead of once
/// per request.
/// </summary>
internal sealed class AccessLogFields
{
    private AccessLogFields(AccessLogConfig config, AccessLogField[] ids)
    {
        Config = config;
        Ids = ids;
    }

    /// <summary>The config these were read from (to notice a reload).</summary>
    public AccessLogConfig Config { get; }

    /// <summary>The configured fields in configured order; all of them when the config lists none.</summary>
    public AccessLogField[] Ids { get; }

    public static string Name(AccessLogField field) => AccessLogConfig.AllFields[(int)field];

    /// <summary>Unknown names are skipped (the config validator reports them), and so is a name listed twice.</summary>
    public static AccessLogFields For(AccessLogConfig config)
    {
        var names = config.Fields.Count > 0 ? config.Fields : AccessLogConfig.AllFields;
        var ids = new List<AccessLogField>(names.Count);
        foreach (var name in names)
        {
            var index = IndexOf(name);
            if (index >= 0 && !ids.Contains((AccessLogField)index))
            {
                ids.Add((AccessLogField)index);
            }
        }

        return new(config, [.. ids]);
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < AccessLogConfig.AllFields.Count; i++)
        {
            if (AccessLogConfig.AllFields[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
