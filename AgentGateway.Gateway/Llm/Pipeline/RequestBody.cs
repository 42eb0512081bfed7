using AgentGateway.Llm.Wire;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Llm.Pipeline;

/// <summary>Reads the whole request body; an over-limit body becomes a 413 in the API's shape, not a 500.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context)
    {
        try
        {
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
