using AgentGateway.A2A.Protocol;
using AgentGateway.A2A.Protocol.V1;

namespace A2A.AgentHost;

/// <summary>The agent logic's handle on its task: every call becomes one stream event.</summary>
internal sealed class TaskUpdater(TaskEntry entry)
{
    public string TaskId => entry.Id;
    public string ContextId => entry.ContextId;

    public void Working(string? text = null) => Status(TaskStates.Working, text);

    public void Complete(string? text = null) => Status(TaskStates.Completed, text);

    public void Fail(string text) => Status(TaskStates.Failed, text);

    /// <summary>Ends this turn; the client answers with a message carrying this task id.</summary>
    public void RequireInput(string question) => Status(TaskStates.InputRequired, question);

    public void Status(string state, string? text) =>
        entry.Publish(new StreamResponse
        {
            StatusUpdate = new TaskStatusUpdateEvent
            {
                TaskId = entry.Id,
                ContextId = entry.ContextId,
                Status = new AgentTaskStatus
                {
                    State = state,
                    Message = text is null ? null : AgentMessage(text),
                    Timestamp = Timestamps.Now(),
                },
            },
        });

    public void Artifact(string artifactId, string name, string text, bool append = false, bool lastChunk = true) =>
        entry.Publish(new StreamResponse
        {
            ArtifactUpdate = new TaskArtifactUpdateEvent
            {
                TaskId = entry.Id,
                ContextId = entry.ContextId,
                Append = append,
                LastChunk = lastChunk,
                Artifact = new Artifact { ArtifactId = artifactId, Name = name, Parts = [Part.FromText(text)] },
            },
        });

    public Message AgentMessage(string text) => new()
    {
        MessageId = Guid.NewGuid().ToString("N"),
        Role = Roles.Agent,
        TaskId = entry.Id,
        ContextId = entry.ContextId,
        Parts = [Part.FromText(text)],
    };
}
