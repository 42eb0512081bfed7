using System.Collections.Concurrent;
using System.Threading.Channels;
using AgentGateway.A2A.Protocol;
using AgentGateway.A2A.Protocol.V1;
using Microsoft.Extensions.Logging;

namespace A2A.AgentHost;

/// <summary>The task store and lifecycle, in v1.0 terms; the endpoints translate to and from v0.3.</summary>
internal sealed partial class TaskManager(IAgentLogic logic, ILogger<TaskManager> logger)
{
    private readonly ConcurrentDictionary<string, TaskEntry> _tasks = new();

    /// <summary>Starts (or continues) a task. The subscription is taken before the agent runs, so a streaming
    /// caller sees every event.</summary>
    public (TaskEntry Entry, AgentTask Snapshot, ChannelReader<StreamResponse>? Events) Send(Message message)
    {
        if (message.Parts.Count == 0)
        {
            throw new A2AException(A2AErrorCodes.InvalidParams, "message.parts must not be empty");
        }

        TaskEntry entry;
        if (!string.IsNullOrEmpty(message.TaskId))
        {
            entry = Find(message.TaskId);
            if (!entry.TryBeginTurn(message with { ContextId = entry.ContextId }, first: false))
            {
                throw new A2AException(A2AErrorCodes.UnsupportedOperation,
                    $"task {entry.Id} is not waiting for input (state {entry.Snapshot.Status.State})");
            }
        }
        else
        {
            var contextId = string.IsNullOrEmpty(message.ContextId) ? Guid.NewGuid().ToString("N") : message.ContextId;
            entry = new TaskEntry(Guid.NewGuid().ToString("N"), contextId);
            _tasks[entry.Id] = entry;
            entry.TryBeginTurn(message with { TaskId = entry.Id, ContextId = contextId }, first: true);
        }

        var (snapshot, events) = entry.Subscribe();
        var userMessage = snapshot.History![^1];
        _ = Task.Run(() => RunTurnAsync(entry, snapshot, userMessage));
        return (entry, snapshot, events);
    }

    public TaskEntry Find(string id) =>
        _tasks.TryGetValue(id, out var entry) ? entry : throw new A2AException(A2AErrorCodes.TaskNotFound, $"task {id} not found");

    public AgentTask Cancel(string id)
    {
        var entry = Find(id);
        if (!entry.TryCancel(new TaskUpdater(entry)))
        {
            throw new A2AException(A2AErrorCodes.TaskNotCancelable, $"task {id} is already {entry.Snapshot.Status.State}");
        }

        return entry.Snapshot;
    }

    public IReadOnlyList<AgentTask> List(string? contextId, string? state) =>
        _tasks.Values.Select(e => e.Snapshot)
            .Where(t => string.IsNullOrEmpty(contextId) || t.ContextId == contextId)
            .Where(t => string.IsNullOrEmpty(state) || state == TaskStates.Unspecified || t.Status.State == state)
            .OrderByDescending(t => t.Status.Timestamp, StringComparer.Ordinal)
            .ToList();

    private async Task RunTurnAsync(TaskEntry entry, AgentTask snapshot, Message userMessage)
    {
        var updater = new TaskUpdater(entry);
        try
        {
            await logic.RunAsync(snapshot, userMessage, updater, entry.RunToken);
            var state = entry.Snapshot.Status.State;
            if (!TaskStates.IsTerminal(state) && !TaskStates.IsInterrupted(state))
            {
                updater.Complete();
            }
        }
        catch (OperationCanceledException) when (entry.RunToken.IsCancellationRequested)
        {
            // Canceled through tasks/cancel: TaskEntry.TryCancel already published the final state.
        }
#pragma warning disable CA1031 // A failing agent must fail its task, never the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogAgentFailed(logger, entry.Id, ex);
            updater.Fail("The agent failed: " + ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Agent logic failed for task {TaskId}")]
    private static partial void LogAgentFailed(ILogger logger, string taskId, Exception exception);
}
