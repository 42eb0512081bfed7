using AgentGateway.Llm.Guards;
using AgentGateway.Llm.Pipeline;
using AgentGateway.Llm.Runtime;
using AgentGateway.Llm.Wire;
using AgentGateway.Routing;

namespace AgentGateway.Llm;

/// <summary>
/// The <c>llm</c> route kind: dispatches the sub-path to the OpenAI/Anthropic endpoints and turns every failure
/// into the client API's own error shape (never a bare 500, never a crash).
/// </summary>
internal sealed class LlmBackendHandler(
    LlmRuntimeCache runtimes,
    ChatEndpoint chat,
    EmbeddingsEndpoint embeddings,
    CountTokensEndpoint countTokens,
    ILogger<LlmBackendHandler> logger) : IBackendHandler
{
    public string Kind => RouteKinds.Llm;

    public async Task HandleAsync(HttpContext context, GatewayRoute route)
    {
        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');

        // A route mounted at "/" still serves "/v1/..." paths.
        if (path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            path = path[3..];
        }

        var dialect = ClientDialect.ForPath(path);
        try
        {
            if (!route.Snapshot.Llm.TryGetValue(route.Backend, out var config))
            {
                throw new LlmRequestException(404, $"No llm backend named '{route.Backend}'.");
            }

            var runtime = runtimes.Get(route.Backend, config);
            var post = HttpMethods.IsPost(context.Request.Method);
            var get = HttpMethods.IsGet(context.Request.Method);
            switch (path)
            {
                case "/chat/completions" when post:
                    await chat.HandleAsync(context, runtime, ClientDialect.ChatCompletions);
                    break;
                case "/responses" when post:
                    await chat.HandleAsync(context, runtime, ClientDialect.Responses);
                    break;
                case "/messages" when post:
                    await chat.HandleAsync(context, runtime, ClientDialect.Messages);
                    break;
                case "/messages/count_tokens" when post:
                    await countTokens.HandleAsync(context, runtime);
                    break;
                case "/embeddings" when post:
                    await embeddings.HandleAsync(context, runtime);
                    break;
                case "/models" when get:
                    await ModelsEndpoint.HandleAsync(context, runtime, null);
                    break;
                case var p when p.StartsWith("/models/", StringComparison.Ordinal) && get:
                    await ModelsEndpoint.HandleAsync(context, runtime, Uri.UnescapeDataString(p["/models/".Length..]));
                    break;
                case "/chat/completions" or "/messages" or "/messages/count_tokens" or "/embeddings" or "/responses" or "/models":
                    context.Response.Headers.Allow = path == "/models" ? "GET" : "POST";
                    throw new LlmRequestException(405, $"Method {context.Request.Method} is not allowed on {path}.");
                default:
                    throw new LlmRequestException(404, $"Unknown LLM endpoint '{path}'.");
            }
        }
        catch (LlmRequestException ex) when (!context.Response.HasStarted)
        {
            await dialect.WriteErrorAsync(context, ex.Status, ex.Message, ex.Param, ex.Code);
        }
        catch (GuardRejectedException ex) when (!context.Response.HasStarted)
        {
            Log.GuardRejected(logger, ex.OnRequest ? "request" : "response", ex.GuardName);
            await dialect.WriteErrorAsync(context, 400, ex.Message, null, "content_policy_violation");
        }
        catch (Exception ex) when (ex is FormatException or UriFormatException && !context.Response.HasStarted)
        {
            await dialect.WriteErrorAsync(context, 400, "The request contains an invalid value: " + ex.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing left to answer.
        }
        catch (Exception ex)
        {
            Log.Unexpected(logger, ex);
            if (!context.Response.HasStarted)
            {
                await dialect.WriteErrorAsync(context, 500, "Internal gateway error.");
            }
        }
    }
}
