using AgentGateway.AppHost;

// The local stack (DESIGN.md §7) on .NET Aspire: Redis, the gateway and the sample backends, with the Aspire
// dashboard. `--replicas N`: N gateway replicas sharing Redis behind a front that spreads requests over them.
// `--redis auto|container|executable|none`: where Redis comes from (LocalStackOptions).
LocalStackOptions options;
try
{
    options = LocalStackOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var builder = DistributedApplication.CreateBuilder(args);
LocalStack.Configure(builder, options);
builder.Build().Run();
return 0;
