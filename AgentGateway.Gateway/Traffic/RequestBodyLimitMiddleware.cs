using AgentGateway.Routing;
using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.Traffic;

/// <summary>
/// Applies the body-size limit: a declared oversize body is refused at once (413); an undeclared one
/// (chunked) is cut by Kestrel when it passes the limit, and that failure is turned into a 413 too.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.Features.Get<GatewayRoute>()!;
        // A route's `limits.maxRequestBodySize` policy overrides the global limit (either way).
        var limit = RouteTrafficPolicy.For(context).MaxRequestBodySize ?? route.Snapshot.Limits.MaxRequestBodySize;
        if (context.Request.ContentLength > limit)
        {
            await TooLarge(context, limit);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLarge(context, limit);
        }
    }

    private static Task TooLarge(HttpContext context, long limit) =>
        GatewayErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "request_too_large", $"the request body is larger than the limit of {limit} bytes");
}
