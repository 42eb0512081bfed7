using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Providers;

/// <summary>Deterministic 4-dimensional embeddings for the in-process <c>mock</c> provider.</summary>
internal sealed class MockEmbeddingGenerator(string model) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v)) { ModelId = options?.ModelId ?? model }));
        return Task.FromResult(result);
    }

    private static float[] Vector(string text)
    {
        var v = new float[4];
        for (var i = 0; i < text.Length; i++)
        {
            v[i % 4] += text[i] / 1000f;
        }

        v[3] = text.Length;
        return v;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
