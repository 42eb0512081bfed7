using AgentGateway.AppHost;
using AgentGateway.AppHost.Hosting;

// The local stack (DESIGN.md §7): Redis, the gateway and the sample backends, plus the dashboard.
// `--replicas N`: N gateway replicas sharing Redis behind a round-robin front (LocalStackOptions).
var builder = DistributedApplication.CreateBuilder(args);
try
{
    LocalStack.Configure(builder);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

builder.Build().Run();
return 0;
