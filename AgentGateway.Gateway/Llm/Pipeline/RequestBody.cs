using AgentGateway.Llm.Wire;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Llm.Pipeline;

/// <summary>Reads the whole request body; an over-limit body becomes a 413 in the API's shape, not a 500.</summary>
internal static class RequestBody
{
    private const long PresizeLimit = 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpContext context)
    {
        try
        {
            // A declared length (the usual case) is read straight into an array of that size: one copy, not two.
            // Kestrel enforces Content-Length, so the body cannot be longer. Only up to a size where allocating
            // before the bytes arrive costs nothing much; a larger body grows with what actually came.
            if (context.Request.ContentLength is { } length and <= PresizeLimit)
            {
                var body = new byte[length];
                var read = await context.Request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, context.RequestAborted);
                return read == body.Length ? body : body[..read];
            }

            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return buffer.ToArray();
        }
        catch (BadHttpRequestException ex)
        {
            throw new LlmRequestException(ex.StatusCode, ex.StatusCode == 413 ? "The request body is too large." : "The request body could not be read.");
        }
    }
}
