namespace AgentGateway.Telemetry;

/// <summary>
/// What the request metrics and the server span say about one route, built once with the route (see
/// <see cref="Routing.GatewayRoute"/>): the metric tag set per status code (route, backend kind and the status boxed
/// once) and the span names of the common methods, so recording a request allocates neither.
/// </summary>
internal sealed class RouteTelemetry(string route, string backendKind)
{
    private const int FirstStatus = 100;
    private const int LastStatus = 599;

    // Filled on first use of each status; a race builds an equal array twice, and either is fine to keep.
    private readonly KeyValuePair<string, object?>[]?[] _tags = new KeyValuePair<string, object?>[]?[LastStatus - FirstStatus + 1];
    private readonly string _post = "POST " + route;
    private readonly string _get = "GET " + route;

    /// <summary>For requests no route matched.</summary>
    public static RouteTelemetry Unmatched { get; } = new("(none)", "(none)");

    public string Route => route;

    /// <summary>The tags of <c>agentgateway.requests</c> and <c>agentgateway.request.duration</c> for <paramref name="status"/>.</summary>
    public KeyValuePair<string, object?>[] Tags(int status)
    {
        if (status is < FirstStatus or > LastStatus)
        {
            return Build(status);
        }

        return _tags[status - FirstStatus] ??= Build(status);
    }

    /// <summary>The server span's name: method and route.</summary>
    public string SpanName(string method) =>
        ReferenceEquals(method, HttpMethods.Post) ? _post : ReferenceEquals(method, HttpMethods.Get) ? _get : method + " " + route;

    private KeyValuePair<string, object?>[] Build(int status) =>
        [new("route", route), new("backend_kind", backendKind), new("status_code", status)];
}
