using System.Text.Json;
using AgentGateway.Llm.Runtime;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Llm.Pipeline;

/// <summary>
/// <c>GET /models</c> and <c>GET /models/{id}</c>: configured concrete models and aliases, in the OpenAI list shape
/// (or Anthropic's when the client sends <c>anthropic-version</c>).
/// </summary>
internal static class ModelsEndpoint
{
    public static async Task HandleAsync(HttpContext http, LlmBackendRuntime runtime, string? id)
    {
        var anthropic = http.Request.Headers.ContainsKey("anthropic-version");
        var models = runtime.Router.ListModels();
        if (id is not null)
        {
            models = [.. models.Where(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase))];
            if (models.Count == 0)
            {
                throw ChatEndpoint.ModelNotFound(id);
            }
        }

        http.Response.ContentType = "application/json";
        await using var w = new Utf8JsonWriter(http.Response.Body);
        if (id is null)
        {
            w.WriteStartObject();
            if (!anthropic)
            {
                w.WriteString("object", "list");
            }

            w.WriteStartArray("data");
        }

        foreach (var (model, owner) in models)
        {
            w.WriteStartObject();
            w.WriteString("id", model);
            if (anthropic)
            {
                w.WriteString("type", "model");
                w.WriteString("display_name", model);
                w.WriteString("created_at", "2024-01-01T00:00:00Z");
            }
            else
            {
                w.WriteString("object", "model");
                w.WriteNumber("created", 0);
                w.WriteString("owned_by", owner);
            }

            w.WriteEndObject();
        }

        if (id is null)
        {
            w.WriteEndArray();
            if (anthropic)
            {
                w.WriteBoolean("has_more", false);
                w.WriteString("first_id", models.Count > 0 ? models[0].Id : null);
                w.WriteString("last_id", models.Count > 0 ? models[^1].Id : null);
            }

            w.WriteEndObject();
        }

        await w.FlushAsync(http.RequestAborted);
    }
}
