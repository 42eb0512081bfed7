using AgentGateway.A2A.Protocol.V1;

namespace A2A.AgentHost;

/// <summary>Folds one stream event into the task snapshot.</summary>
internal static class TaskReducer
{
    public static AgentTask Apply(AgentTask task, StreamResponse update)
    {
        if (update.StatusUpdate is { } status)
        {
            var history = status.Status.Message is { } message ? [.. task.History ?? [], message] : task.History;
            return task with { Status = status.Status, History = history };
        }

        if (update.ArtifactUpdate is { } artifactUpdate)
        {
            var artifacts = (task.Artifacts ?? []).ToList();
            var incoming = artifactUpdate.Artifact;
            var index = artifacts.FindIndex(a => a.ArtifactId == incoming.ArtifactId);
            if (index < 0)
            {
                artifacts.Add(incoming);
            }
            else if (artifactUpdate.Append)
            {
                artifacts[index] = artifacts[index] with { Parts = [.. artifacts[index].Parts, .. incoming.Parts] };
            }
            else
            {
                artifacts[index] = incoming;
            }

            return task with { Artifacts = artifacts };
        }

        return task;
    }
}
