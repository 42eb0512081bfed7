using Microsoft.AspNetCore.Http.Features;

namespace AgentGateway.Admin;

/// <summary>
/// Caps admin request bodies at 1 MB (413 with a JSON error). The gateway lifts Kestrel's global body limit
/// so routes can set their own; admin endpoints read whole bodies into memory and need a cap of their own.
/// </summary>
internal sealed class AdminBodyLimitFilter : IEndpointFilter
{
    public const long MaxBodySize = 1024 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (context.Request.ContentLength > MaxBodySize)
        {
            return TooLarge();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = MaxBodySize;
        }

        try
        {
            return await next(invocation);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
    }

    private static IResult TooLarge() => Results.Json(
        new { error = new { type = "request_too_large", message = $"admin request bodies are limited to {MaxBodySize} bytes" } },
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
