using System.Net;
using Yarp.ReverseProxy.Forwarder;

// Usage: BareYarp --urls http://127.0.0.1:PORT --upstream http://127.0.0.1:UPSTREAM
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddHttpForwarder();
var app = builder.Build();
var upstream = app.Configuration["upstream"] ?? throw new InvalidOperationException("--upstream is required");
var invoker = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
});
app.MapForwarder("/{**catch-all}", upstream, ForwarderRequestConfig.Empty, HttpTransformer.Default, invoker);
app.Run();
