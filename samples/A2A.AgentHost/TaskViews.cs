using AgentGateway.A2A.Protocol.V1;

namespace A2A.AgentHost;

/// <summary>Shapes a stored task for a response (history trimming, list paging).</summary>
internal static class TaskViews
{
    public static AgentTask WithHistoryLength(AgentTask task, int? historyLength) =>
        historyLength is { } n && task.History is { } history && history.Count > n
            ? task with { History = n <= 0 ? [] : history.Skip(history.Count - n).ToList() }
            : task;

    public static ListTasksResponse Page(IReadOnlyList<AgentTask> all, ListTasksRequest request)
    {
        var size = request.PageSize is > 0 and <= 100 ? request.PageSize.Value : 50;
        var start = int.TryParse(request.PageToken, out var s) && s > 0 ? s : 0;
        var page = all.Skip(start).Take(size)
            .Select(t => WithHistoryLength(t, request.HistoryLength))
            .Select(t => request.IncludeArtifacts == true ? t : t with { Artifacts = null })
            .ToList();
        var next = start + page.Count < all.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        return new ListTasksResponse { Tasks = page, NextPageToken = next, PageSize = size, TotalSize = all.Count };
    }
}
