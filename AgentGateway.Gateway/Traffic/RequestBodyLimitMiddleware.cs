using AgentGateway.Routing;
using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.Traffic;

/// <summary>
/// Applies the body-size limit: a declared oversize body is refused at once (413); an undeclared one
/// (chunked) is cut by Kestrel when it passes the limit, and that failure is turned into a 413 too.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var route = context.Features.Get<GatewayRoute>()!;
        // A route's `limits.maxRequestBodySize` policy overrides the global limit (either way).
        var limit = RouteTrafficPolicy.For(context).MaxRequestBodySize ?? route.Snapshot.Limits.MaxRequestBodySize;
        var declared = context.Request.ContentLength;
        if (declared > limit)
        {
            return TooLarge(context, limit);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        // A declared length within the limit cannot be cut by Kestrel: no 413 to catch, so no state machine either.
        return declared is not null ? next(context) : GuardUndeclaredAsync(context, limit);
    }

    private async Task GuardUndeclaredAsync(HttpContext context, long limit)
    {
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
