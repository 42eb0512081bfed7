namespace AgentGateway.Bench;

/// <summary>Starts the gateway (Release build) with a config file on a loopback port.</summary>
internal static class GatewayProcess
{
    public static Proc Start(string root, string config, int port) => Proc.Start("gateway", "dotnet",
        [Path.Combine(root, "AgentGateway.Gateway/bin/Release/net10.0/AgentGateway.Gateway.dll"), "--config", config, "--urls", $"http://127.0.0.1:{port}"],
        new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

    /// <summary>Gives the gateway a moment to finish start-up work (JIT, background connects) before RSS is read.</summary>
    public static void Settle() => Thread.Sleep(1000);
}
