using System.Globalization;
using System.Text.RegularExpressions;
using A2A.AgentHost;
using AgentGateway.A2A.Protocol.V1;

namespace PlannerAgent;

/// <summary>
/// Deterministic planner, used by tests and the offline demo:
/// <list type="bullet">
/// <item>"stream N" streams N numbered status events ("event 1" … "event N"), a few ms apart, then completes;</item>
/// <item>"wait" keeps the task working until it is canceled (for cancel / resubscribe);</item>
/// <item>"fail" fails the task;</item>
/// <item>anything else is split into steps ("a, b then c") with one event per step and a plan artifact.</item>
/// </list>
/// </summary>
internal sealed partial class PlannerLogic : IAgentLogic
{
    private static readonly TimeSpan StreamDelay = TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("PLANNER_STREAM_DELAY_MS"), out var ms) ? ms : 20);

    public async Task RunAsync(AgentTask task, Message userMessage, TaskUpdater updater, CancellationToken cancellationToken)
    {
        var text = string.Concat(userMessage.Parts.Select(p => p.Text)).Trim();
        updater.Working();

        if (StreamCommand().Match(text) is { Success: true } m)
        {
            var count = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            for (var i = 1; i <= count; i++)
            {
                updater.Working($"event {i}");
                await Task.Delay(StreamDelay, cancellationToken);
            }

            updater.Complete($"streamed {count} events");
            return;
        }

        switch (text.ToLowerInvariant())
        {
            case "wait":
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return;
            case "fail":
                updater.Fail("planning failed on request");
                return;
        }

        var steps = StepSeparator().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var plan = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            var line = $"step {i + 1}: {steps[i]}";
            plan.Add(line);
            updater.Working(line);
            await Task.Delay(StreamDelay, cancellationToken);
        }

        updater.Artifact("plan", "plan", string.Join('\n', plan));
        updater.Complete($"planned {steps.Count} steps");
    }

    [GeneratedRegex(@"^stream\s+(\d{1,5})$", RegexOptions.IgnoreCase)]
    private static partial Regex StreamCommand();

    [GeneratedRegex(@",|;|\bthen\b|\band\b", RegexOptions.IgnoreCase)]
    private static partial Regex StepSeparator();
}
