using System.Globalization;
using AgentGateway.AppHost.Redis;

namespace AgentGateway.AppHost;

/// <summary>
/// The local stack's command-line options. <c>--replicas N</c> runs N gateway replicas sharing Redis behind a
/// front (the <c>gateway</c> resource) that spreads requests over them, as a cloud load balancer would.
/// <c>--redis MODE</c> says where Redis comes from (<see cref="RedisMode"/>; default: a container when a
/// container runtime answers, otherwise <c>redis-server</c> from PATH, otherwise none).
/// </summary>
public sealed record LocalStackOptions
{
    public const int MaxReplicas = 16;

    public int Replicas { get; init; } = 1;

    public RedisMode Redis { get; init; } = RedisMode.Auto;

    /// <summary>Reads the options; other arguments are left to Aspire. Throws <see cref="ArgumentException"/> on a bad value.</summary>
    public static LocalStackOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LocalStackOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (Value(args, ref i, "--replicas") is { } replicas)
            {
                if (!int.TryParse(replicas, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxReplicas)
                {
                    throw new ArgumentException($"--replicas takes a whole number from 1 to {MaxReplicas} (got '{replicas}').");
                }

                options = options with { Replicas = count };
            }
            else if (Value(args, ref i, "--redis") is { } redis)
            {
                // Names only: Enum.TryParse would also take numbers ("--redis 7").
                if (!Enum.GetNames<RedisMode>().Contains(redis, StringComparer.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"--redis takes auto, container, executable or none (got '{redis}').");
                }

                options = options with { Redis = Enum.Parse<RedisMode>(redis, ignoreCase: true) };
            }
        }

        return options;
    }

    /// <summary>The value of <c>NAME VALUE</c> or <c>NAME=VALUE</c> at <paramref name="i"/>, or null when the argument is another one.</summary>
    private static string? Value(IReadOnlyList<string> args, ref int i, string name)
    {
        if (args[i] == name)
        {
            return i + 1 < args.Count ? args[++i] : "";
        }

        return args[i].StartsWith(name + "=", StringComparison.Ordinal) ? args[i][(name.Length + 1)..] : null;
    }
}
