namespace AgentGateway.Http;

/// <summary>
/// The HttpMessageInvoker YARP forwards with: the "forwarder" client's handler chain (service discovery,
/// no redirects, no decompression, no cookies), created once and shared.
/// </summary>
internal sealed class ForwarderInvoker(IHttpMessageHandlerFactory handlers)
{
    public const string ClientName = "forwarder";

    public HttpMessageInvoker Invoker { get; } = new(handlers.CreateHandler(ClientName), disposeHandler: false);
}
