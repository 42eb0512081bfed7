using AgentGateway.Routing;

namespace AgentGateway.Tests.Traffic;

/// <summary>
/// A backend handler registered in place of a kind's real one (the dispatcher uses the last registered per
/// kind), so tests can see what the traffic steps left on the HttpContext or act like a slow protocol handler.
/// </summary>
internal sealed class DelegateBackendHandler(string kind, Func<HttpContext, Task> handle) : IBackendHandler
{
    public string Kind => kind;

    public Task HandleAsync(HttpContext context, GatewayRoute route) => handle(context);

    public static Action<WebApplicationBuilder> Register(string kind, Func<HttpContext, Task> handle) =>
        builder => builder.Services.AddSingleton<IBackendHandler>(new DelegateBackendHandler(kind, handle));
}
