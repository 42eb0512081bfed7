using System.ClientModel;

namespace AgentGateway.Llm.Pipeline;

/// <summary>Maps an exception from an SDK client or HttpClient to an HTTP status and a safe message.</summary>
internal static class UpstreamFailure
{
    public static (int Status, string Message) Classify(Exception ex, bool timedOut)
    {
        if (timedOut)
        {
            return (504, "The provider did not answer in time.");
        }

        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ClientResultException cre when cre.Status > 0:
                    return (cre.Status, Describe(cre.Status, cre.Message));
                case HttpRequestException { StatusCode: { } code }:
                    return ((int)code, Describe((int)code, e.Message));
                case HttpRequestException or IOException:
                    return (502, "Could not reach the provider.");
            }
        }

        return (502, "The provider call failed.");
    }

    // Upstream 4xx messages describe the client's own request, so they are worth passing on; 5xx details are not.
    private static string Describe(int status, string message) =>
        status is >= 400 and < 500 ? "The provider rejected the request: " + Truncate(message) : $"The provider answered with status {status}.";

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
