namespace AgentGateway.Hosting;

/// <summary>The gateway's own command-line switches; everything else goes to ASP.NET Core (--urls, ...).</summary>
public sealed record GatewayCommandLine(string? ConfigFile, bool ValidateOnly, string? WriteSchemaPath, string[] HostArgs, string? SecretToHash = null)
{
    /// <summary>Parses <c>--config PATH</c>, <c>--validate [PATH]</c>, <c>--write-schema PATH</c> and <c>--hash-secret VALUE</c>.</summary>
    public static GatewayCommandLine Parse(string[] args)
    {
        string? config = null, schema = null, secret = null;
        var validate = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            switch (arg)
            {
                case "--config" when hasValue:
                    config = args[++i];
                    break;
                case "--validate":
                    validate = true;
                    if (hasValue)
                    {
                        config = args[++i];
                    }

                    break;
                case "--hash-secret" when i + 1 < args.Length:
                    secret = args[++i];
                    break;
                case "--write-schema" when hasValue:
                    schema = args[++i];
                    break;
                default:
                    rest.Add(arg);
                    break;
            }
        }

        config ??= Environment.GetEnvironmentVariable("Gateway__ConfigFile");
        return new GatewayCommandLine(config, validate, schema, [.. rest], secret);
    }
}
