using AgentGateway.A2A.Protocol;
using AgentGateway.Routing;
using AgentGateway.Security;

namespace AgentGateway.A2A;

/// <summary>Proxies the HTTP+JSON binding: authorizes the operation, streams the request and the response.</summary>
internal sealed class A2ARestProxy(A2AUpstream upstream, IRequestAuthorizer authorizer, ILogger<A2ARestProxy> logger)
{
    public async Task HandleAsync(HttpContext context, GatewayRoute route, A2ABackendConfig backend)
    {
        var (method, taskId) = A2ARestOperations.Identify(context.Request.Method, context.Request.Path.Value ?? "/");
        var info = new A2ACallInfo(route.Backend, method, "rest") { TaskId = taskId };
        var decision = await A2AAuthorization.AuthorizeAsync(authorizer, context, route.Backend, method);
        if (!decision.Allowed)
        {
            Log.Denied(logger, route.Name, route.Backend, method);
            A2ATelemetry.Stop(null, info, "denied");
            await A2AErrors.WriteRestAsync(context, StatusCodes.Status403Forbidden, A2AAuthorization.DeniedMessage(route.Backend, method));
            return;
        }

        var target = A2AUpstream.Target(backend, context);
        var activity = A2ATelemetry.Start(info, target);
        var outcome = "ok";
        try
        {
            var hasBody = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                || HttpMethods.IsDelete(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
            using var request = A2AUpstream.CreateRequest(context, backend, new HttpMethod(context.Request.Method), target,
                hasBody ? new StreamContent(context.Request.Body) : null);
            HttpResponseMessage response;
            try
            {
                response = await upstream.SendAsync(backend, request, context.RequestAborted);
            }
            catch (HttpRequestException ex)
            {
                outcome = "unavailable";
                Log.AgentUnreachable(logger, route.Name, route.Backend, target, ex.Message);
                await A2AErrors.WriteRestAsync(context, StatusCodes.Status502BadGateway, $"Agent '{route.Backend}' is unreachable: {ex.Message}");
                return;
            }

            using (response)
            {
                if (info.Method is A2AMethods.GetExtendedAgentCard or A2AMethods.GetAuthenticatedExtendedCard)
                {
                    await A2ACardService.CopyRewrittenCardAsync(context, response, route, backend, jsonRpc: false);
                }
                else
                {
                    await A2AUpstream.CopyResponseAsync(context, response, info);
                }

                outcome = response.IsSuccessStatusCode && !info.AgentError ? "ok" : "error";
            }
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            outcome = "client_aborted";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            outcome = "unavailable";
            Log.AgentUnreachable(logger, route.Name, route.Backend, target, ex.Message);
            if (context.Response.HasStarted)
            {
                context.Abort();
            }
            else
            {
                await A2AErrors.WriteRestAsync(context, StatusCodes.Status502BadGateway, $"Agent '{route.Backend}' failed: {ex.Message}");
            }
        }
        finally
        {
            A2ATelemetry.Stop(activity, info, outcome);
        }
    }
}
