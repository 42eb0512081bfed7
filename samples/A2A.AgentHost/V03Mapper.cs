using AgentGateway.A2A.Protocol;
using V03 = AgentGateway.A2A.Protocol.V03;
using V1 = AgentGateway.A2A.Protocol.V1;

namespace A2A.AgentHost;

/// <summary>Converts between the host's v1.0 model and the v0.3 wire shapes.</summary>
internal static class V03Mapper
{
    public static V1.Message ToV1(V03.Message m) => new()
    {
        MessageId = m.MessageId,
        ContextId = m.ContextId,
        TaskId = m.TaskId,
        Role = m.Role == "agent" ? V1.Roles.Agent : V1.Roles.User,
        Parts = m.Parts.Select(ToV1).ToList(),
        Metadata = m.Metadata,
        ReferenceTaskIds = m.ReferenceTaskIds,
    };

    public static V1.Part ToV1(V03.Part p) => p switch
    {
        V03.TextPart t => new V1.Part { Text = t.Text, Metadata = t.Metadata },
        V03.FilePart { File.Uri: { } uri } f => new V1.Part { Url = uri, Filename = f.File.Name, MediaType = f.File.MimeType, Metadata = f.Metadata },
        V03.FilePart f => new V1.Part { Raw = f.File.Bytes, Filename = f.File.Name, MediaType = f.File.MimeType, Metadata = f.Metadata },
        V03.DataPart d => new V1.Part { Data = d.Data, Metadata = d.Metadata },
        _ => throw new A2AException(A2AErrorCodes.InvalidParams, "unsupported part kind"),
    };

    public static V03.Message ToV03(V1.Message m) => new()
    {
        MessageId = m.MessageId,
        ContextId = m.ContextId,
        TaskId = m.TaskId,
        Role = m.Role == V1.Roles.Agent ? "agent" : "user",
        Parts = m.Parts.Select(ToV03).ToList(),
        Metadata = m.Metadata,
        ReferenceTaskIds = m.ReferenceTaskIds,
    };

    public static V03.Part ToV03(V1.Part p)
    {
        if (p.Text is not null)
        {
            return new V03.TextPart(p.Text) { Metadata = p.Metadata };
        }

        if (p.Data is { } data)
        {
            return new V03.DataPart(data) { Metadata = p.Metadata };
        }

        return new V03.FilePart(new V03.FileContent { Name = p.Filename, MimeType = p.MediaType, Bytes = p.Raw, Uri = p.Url })
        {
            Metadata = p.Metadata,
        };
    }

    public static V03.AgentTaskStatus ToV03(V1.AgentTaskStatus s) => new()
    {
        State = TaskStateNames.ToV03(s.State),
        Message = s.Message is null ? null : ToV03(s.Message),
        Timestamp = s.Timestamp,
    };

    public static V03.Artifact ToV03(V1.Artifact a) => new()
    {
        ArtifactId = a.ArtifactId,
        Name = a.Name,
        Description = a.Description,
        Parts = a.Parts.Select(ToV03).ToList(),
        Metadata = a.Metadata,
    };

    public static V03.AgentTask ToV03(V1.AgentTask t) => new()
    {
        Id = t.Id,
        ContextId = t.ContextId,
        Status = ToV03(t.Status),
        History = t.History?.Select(ToV03).ToList(),
        Artifacts = t.Artifacts?.Select(ToV03).ToList(),
        Metadata = t.Metadata,
    };

    public static V03.TaskStatusUpdateEvent ToV03(V1.TaskStatusUpdateEvent e) => new()
    {
        TaskId = e.TaskId,
        ContextId = e.ContextId,
        Status = ToV03(e.Status),
        Final = V1.TaskStates.IsTerminal(e.Status.State) || V1.TaskStates.IsInterrupted(e.Status.State),
        Metadata = e.Metadata,
    };

    public static V03.TaskArtifactUpdateEvent ToV03(V1.TaskArtifactUpdateEvent e) => new()
    {
        TaskId = e.TaskId,
        ContextId = e.ContextId,
        Artifact = ToV03(e.Artifact),
        Append = e.Append,
        LastChunk = e.LastChunk,
        Metadata = e.Metadata,
    };
}
