using AgentGateway.AppHost;
using AgentGateway.AppHost.Hosting;

// The local stack (DESIGN.md §7): Redis, the gateway and the sample backends, plus the dashboard.
var builder = DistributedApplication.CreateBuilder(args);
LocalStack.Configure(builder);
builder.Build().Run();
