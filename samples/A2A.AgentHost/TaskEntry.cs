using AgentGateway.A2A.Protocol;
using System.Threading.Channels;
using AgentGateway.A2A.Protocol.V1;

namespace A2A.AgentHost;

/// <summary>
/// One task: its current snapshot, the live subscribers (streaming sends and resubscribes) and the running turn.
/// Every change goes through <see cref="Publish"/> under one lock, so a subscriber that joins sees the snapshot
/// and then exactly the events after it.
/// </summary>
internal sealed class TaskEntry : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Channel<StreamResponse>> _subscribers = [];
    private TaskCompletionSource _turnEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource _run = new();

    public TaskEntry(string id, string contextId)
    {
        Id = id;
        ContextId = contextId;
        Snapshot = new AgentTask
        {
            Id = id,
            ContextId = contextId,
            Status = new AgentTaskStatus { State = TaskStates.Submitted, Timestamp = Timestamps.Now() },
            History = [],
            Artifacts = [],
        };
    }

    public string Id { get; }
    public string ContextId { get; }
    public AgentTask Snapshot { get; private set; }
    public CancellationToken RunToken => _run.Token;

    /// <summary>Completes when the current turn reaches a terminal or interrupted state.</summary>
    public Task TurnEnded => _turnEnded.Task;

    public bool IsTerminal
    {
        get { lock (_gate) { return TaskStates.IsTerminal(Snapshot.Status.State); } }
    }

    /// <summary>Starts a turn with the user's message; false when the task is over or already busy.</summary>
    public bool TryBeginTurn(Message userMessage, bool first)
    {
        lock (_gate)
        {
            var state = Snapshot.Status.State;
            if (!first && !TaskStates.IsInterrupted(state))
            {
                return false;
            }

            _turnEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!first)
            {
                _run.Dispose();
                _run = new CancellationTokenSource();
            }

            Snapshot = Snapshot with
            {
                History = [.. Snapshot.History ?? [], userMessage],
                Status = new AgentTaskStatus { State = TaskStates.Submitted, Timestamp = Timestamps.Now() },
            };
            return true;
        }
    }

    public (AgentTask Snapshot, ChannelReader<StreamResponse>? Events) Subscribe()
    {
        lock (_gate)
        {
            var state = Snapshot.Status.State;
            if (TaskStates.IsTerminal(state) || TaskStates.IsInterrupted(state))
            {
                return (Snapshot, null);
            }

            var channel = Channel.CreateUnbounded<StreamResponse>(new() { SingleReader = true });
            _subscribers.Add(channel);
            return (Snapshot, channel.Reader);
        }
    }

    public void Publish(StreamResponse update)
    {
        lock (_gate)
        {
            // After cancel the logic may still emit a late event; the task is final, so drop it.
            if (TaskStates.IsTerminal(Snapshot.Status.State))
            {
                return;
            }

            Snapshot = TaskReducer.Apply(Snapshot, update);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(update);
            }

            var state = Snapshot.Status.State;
            if (TaskStates.IsTerminal(state) || TaskStates.IsInterrupted(state))
            {
                foreach (var subscriber in _subscribers)
                {
                    subscriber.Writer.TryComplete();
                }

                _subscribers.Clear();
                _turnEnded.TrySetResult();
            }
        }
    }

    public void Dispose() => _run.Dispose();

    /// <summary>Cancels the running turn and marks the task canceled; false when it is already final.</summary>
    public bool TryCancel(TaskUpdater updater)
    {
        lock (_gate)
        {
            if (TaskStates.IsTerminal(Snapshot.Status.State))
            {
                return false;
            }
        }

        _run.Cancel();
        updater.Status(TaskStates.Canceled, "Canceled on request.");
        return true;
    }
}
