using System.Diagnostics;

namespace AgentGateway.Tests.Mcp.Forwarding;

/// <summary>Collects the gateway's spans of forwardable requests, to tell which path served one (the forwarding path tags its span).</summary>
internal sealed class ForwardedSpans : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<Activity> _spans = [];

    public ForwardedSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "AgentGateway",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if ((string?)a.GetTagItem("mcp.method.name") is "tools/call" or "prompts/get" or "resources/read" or "completion/complete")
                {
                    lock (_spans)
                    {
                        _spans.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The tools/call spans of one tool seen so far (spans of other tests running in parallel are told apart by session).</summary>
    public List<Activity> Of(string tool, string? sessionId = null)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => (string?)s.GetTagItem("gen_ai.tool.name") == tool
                && (sessionId is null || (string?)s.GetTagItem("mcp.session.id") == sessionId))];
        }
    }

    /// <summary>The spans of one method on one session.</summary>
    public List<Activity> OfMethod(string method, string sessionId)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => (string?)s.GetTagItem("mcp.method.name") == method && (string?)s.GetTagItem("mcp.session.id") == sessionId)];
        }
    }

    public static bool IsForwarded(Activity span) => span.GetTagItem("agentgateway.mcp.forwarded") is true;

    public void Dispose() => _listener.Dispose();
}
