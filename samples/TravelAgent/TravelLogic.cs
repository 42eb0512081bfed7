using System.Collections.Concurrent;
using System.Text;
using A2A.AgentHost;
using AgentGateway.A2A.Protocol.V1;
using Microsoft.Agents.AI;

namespace TravelAgent;

/// <summary>
/// Runs a Microsoft Agent Framework <see cref="AIAgent"/> per A2A turn. The agent session is keyed by the A2A
/// context id, so follow-up messages (answers to an input-required question, or new tasks in the same context)
/// continue the same conversation. The reply streams as chunks of one "answer" artifact.
/// </summary>
internal sealed class TravelLogic(AIAgent agent) : IAgentLogic
{
    /// <summary>The instructions ask the model to start a clarifying question with this marker.</summary>
    public const string QuestionMarker = "QUESTION:";

    private readonly ConcurrentDictionary<string, AgentSession> _sessions = new();

    public async Task RunAsync(AgentTask task, Message userMessage, TaskUpdater updater, CancellationToken cancellationToken)
    {
        var text = string.Concat(userMessage.Parts.Select(p => p.Text));
        updater.Working();

        if (!_sessions.TryGetValue(task.ContextId, out var session))
        {
            session = await agent.CreateSessionAsync(cancellationToken);
            session = _sessions.GetOrAdd(task.ContextId, session);
        }

        var reply = new StringBuilder();
        var artifactId = "answer-" + Guid.NewGuid().ToString("N")[..8];
        await foreach (var update in agent.RunStreamingAsync(text, session, cancellationToken: cancellationToken))
        {
            if (string.IsNullOrEmpty(update.Text))
            {
                continue;
            }

            updater.Artifact(artifactId, "answer", update.Text, append: reply.Length > 0, lastChunk: false);
            reply.Append(update.Text);
        }

        var answer = reply.ToString().Trim();
        if (answer.StartsWith(QuestionMarker, StringComparison.OrdinalIgnoreCase))
        {
            updater.RequireInput(answer[QuestionMarker.Length..].Trim());
            return;
        }

        updater.Complete(answer);
    }
}
