namespace AgentGateway.Bench;

/// <summary>Starts the gateway (Release build) with a config file on a loopback port.</summary>
internal static class GatewayProcess
{
    /// <remarks>
    /// Started in its output folder, as a deployment runs it: the gateway's content root is the working directory,
    /// so from anywhere else its appsettings.json (framework log levels) is not found and every request logs five
    /// extra Information lines.
    /// </remarks>
    public static Proc Start(string root, string config, int port, string name = "gateway", IDictionary<string, string>? env = null)
    {
        var bin = Path.Combine(root, "AgentGateway.Gateway/bin/Release/net10.0");
        var environment = new Dictionary<string, string>(env ?? new Dictionary<string, string>()) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        // BENCH_GATEWAY_ENV="NAME=value;NAME=value": runtime settings for the gateway alone, for A/B runs of a knob.
        foreach (var pair in (Environment.GetEnvironmentVariable("BENCH_GATEWAY_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            environment[parts[0]] = parts.Length == 2 ? parts[1] : "";
        }

        return Proc.Start(name, "dotnet", [Path.Combine(bin, "AgentGateway.Gateway.dll"), "--config", config, "--urls", $"http://127.0.0.1:{port}"], environment, bin);
    }

    /// <summary>Gives the gateway a moment to finish start-up work (JIT, background connects) before RSS is read.</summary>
    public static void Settle() => Thread.Sleep(1000);
}
