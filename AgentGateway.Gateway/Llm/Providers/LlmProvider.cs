using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using AgentGateway.Llm.Wire;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace AgentGateway.Llm.Providers;

/// <summary>
/// One configured provider: its HTTP client (credentials, Retry-After tracking), its native endpoints for
/// passthrough, and Microsoft.Extensions.AI clients per model for translation. Built from one config snapshot.
/// </summary>
internal sealed class LlmProvider
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);
    private readonly ConcurrentDictionary<string, IChatClient> _chatClients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IEmbeddingGenerator<string, Embedding<float>>> _embedders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> _nativeUris = new(StringComparer.Ordinal);
    private readonly string _baseUrl;
    private readonly string _backend;
    private readonly HttpMessageHandler _upstream;
    private readonly ProviderHealth _health;
    private OpenAIClient? _openAi;

    public LlmProvider(string backend, LlmProviderConfig config, HttpMessageHandler upstream, ProviderHealth health)
    {
        (_backend, _upstream, _health) = (backend, upstream, health);
        Config = config;
        Type = ProviderTypes.Parse(config.Type) ?? throw new InvalidOperationException($"unknown provider type '{config.Type}'");
        HealthKey = backend + "/" + config.Name;
        _baseUrl = (config.BaseUrl ?? Type.DefaultBaseUrl(config) ?? "http://localhost").TrimEnd('/');
        Timeout = config.Timeout is { Length: > 0 } t && Configuration.Duration.TryParse(t, out var parsed) ? parsed : DefaultTimeout;
        Http = CreateHttp(null);
    }

    /// <summary>A per-caller copy: the shared instance's parsed settings, its own credential-carrying client.</summary>
    private LlmProvider(LlmProvider shared, ClientCredential? caller)
    {
        (_backend, _upstream, _health) = (shared._backend, shared._upstream, shared._health);
        (Config, Type, HealthKey, _baseUrl, Timeout) = (shared.Config, shared.Type, shared.HealthKey, shared._baseUrl, shared.Timeout);
        Http = CreateHttp(caller);
    }

    private HttpClient CreateHttp(ClientCredential? caller)
    {
        var config = Config;
        // Credential handlers (SigV4, bearer tokens) hold their caches here; passthrough providers get none, so the
        // per-caller copies ForCaller makes never duplicate a cache.
        var handler = new ProviderHttpHandler(_health, HealthKey, Type, config, caller) { InnerHandler = ProviderCredentials.Wrap(Type, config, _upstream, _health.Time) };
        // BaseAddress only matters to OllamaSharp; the other SDKs and passthrough send absolute URIs.
        return new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan, BaseAddress = new Uri(_baseUrl + "/") };
    }

    public LlmProviderConfig Config { get; }

    public string Name => Config.Name;

    public ProviderType Type { get; }

    public LlmApi NativeApi => Type.NativeApi();

    public string HealthKey { get; }

    public TimeSpan Timeout { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// The provider as one caller uses it: with <c>passthrough: true</c> a copy that sends the caller's own
    /// credential (its own SDK clients over the shared connection pool); otherwise this shared instance.
    /// </summary>
    public LlmProvider ForCaller(ClientCredential? caller) => Config.Passthrough ? new LlmProvider(this, caller) : this;

    public bool Serves(string model) => Config.Models.Count == 0 || Config.Models.Any(p => ModelPattern.Matches(p, model));

    /// <summary>Can this provider embed text? (Anthropic has no embeddings API.)</summary>
    public bool CanEmbed => Type is not (ProviderType.Anthropic or ProviderType.Bedrock or ProviderType.GeminiNative or ProviderType.Vertex);

    /// <summary>Native endpoint for a passthrough request of the given API kind.</summary>
    /// <remarks>Only Azure's depends on the model; the others are built once per operation (a Uri parse per call is not free).</remarks>
    public Uri NativeUri(string operation, string model) => Type switch
    {
        ProviderType.AzureOpenAi => new Uri($"{_baseUrl}/openai/deployments/{Uri.EscapeDataString(Config.Deployment ?? model)}/{operation}"),
        _ => _nativeUris.GetOrAdd(operation, static (op, self) => self.Type switch
        {
            ProviderType.Anthropic or ProviderType.Ollama => new Uri(self._baseUrl + "/v1/" + op),
            _ => new Uri(self._baseUrl + "/" + op),
        }, this),
    };

    public IChatClient ChatClient(string model) => _chatClients.GetOrAdd(model, CreateChatClient);

    public IEmbeddingGenerator<string, Embedding<float>> Embedder(string model) => _embedders.GetOrAdd(model, CreateEmbedder);

    private IChatClient CreateChatClient(string model) => Type switch
    {
        ProviderType.Mock => new MockChatClient(model),
        ProviderType.Anthropic => new Anthropic.AnthropicChatClient(Http, _baseUrl, model),
        ProviderType.Ollama => new OllamaApiClient(Http, model),
        ProviderType.AzureOpenAi => AzureClient(model).GetChatClient(model).AsIChatClient(),
        ProviderType.Bedrock => new Bedrock.BedrockChatClient(Http, _baseUrl, model),
        ProviderType.GeminiNative => new Google.GeminiChatClient(Http, _baseUrl + "/v1beta/models", model),
        ProviderType.Vertex => new Google.GeminiChatClient(Http, $"{_baseUrl}/v1/projects/{Config.Google?.Project}/locations/{Config.Google?.Location ?? "global"}/publishers/google/models", model),
        _ => OpenAiClient().GetChatClient(model).AsIChatClient(),
    };

    private IEmbeddingGenerator<string, Embedding<float>> CreateEmbedder(string model) => Type switch
    {
        ProviderType.Mock => new MockEmbeddingGenerator(model),
        ProviderType.Ollama => new OllamaApiClient(Http, model),
        ProviderType.AzureOpenAi => AzureClient(model).GetEmbeddingClient(model).AsIEmbeddingGenerator(),
        ProviderType.Anthropic or ProviderType.Bedrock or ProviderType.GeminiNative or ProviderType.Vertex => throw new NotSupportedException($"{Config.Type} embeddings are not supported"),
        _ => OpenAiClient().GetEmbeddingClient(model).AsIEmbeddingGenerator(),
    };

    private OpenAIClient OpenAiClient() => _openAi ??= CreateOpenAi(_baseUrl);

    // Azure puts the deployment in the path; one SDK client per deployment.
    private OpenAIClient AzureClient(string model) => CreateOpenAi($"{_baseUrl}/openai/deployments/{Uri.EscapeDataString(Config.Deployment ?? model)}");

    private OpenAIClient CreateOpenAi(string endpoint) => new(
        new ApiKeyCredential(Config.ApiKey is { Length: > 0 } k ? k : "unused"),
        new OpenAIClientOptions
        {
            Endpoint = new Uri(endpoint),
            Transport = new HttpClientPipelineTransport(Http),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = System.Threading.Timeout.InfiniteTimeSpan,
        });
}
