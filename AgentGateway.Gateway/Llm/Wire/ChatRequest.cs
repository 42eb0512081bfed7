using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AgentGateway.Llm.Wire;

/// <summary>A chat request read from either API, ready for an <see cref="IChatClient"/>.</summary>
internal sealed record ChatRequest(
    string Model,
    IList<ChatMessage> Messages,
    ChatOptions Options,
    bool Stream,
    bool IncludeUsage,
    JsonObject Body);
