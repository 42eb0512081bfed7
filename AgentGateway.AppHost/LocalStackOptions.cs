using System.Globalization;

namespace AgentGateway.AppHost;

/// <summary>
/// The local stack's command-line options: <c>--replicas N</c> runs N gateway replicas sharing Redis behind a
/// round-robin front (the <c>gateway</c> resource), as several replicas run behind a cloud load balancer.
/// </summary>
public sealed record LocalStackOptions
{
    public const int MaxReplicas = 16;

    public int Replicas { get; init; } = 1;

    /// <summary>Reads the options; unknown arguments are left to the orchestrator. Throws <see cref="ArgumentException"/> on a bad value.</summary>
    public static LocalStackOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LocalStackOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string? value = null;
            if (args[i] == "--replicas")
            {
                value = i + 1 < args.Count ? args[++i] : "";
            }
            else if (args[i].StartsWith("--replicas=", StringComparison.Ordinal))
            {
                value = args[i]["--replicas=".Length..];
            }

            if (value is null)
            {
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var replicas) || replicas is < 1 or > MaxReplicas)
            {
                throw new ArgumentException($"--replicas takes a whole number from 1 to {MaxReplicas} (got '{value}').");
            }

            options = options with { Replicas = replicas };
        }

        return options;
    }
}
