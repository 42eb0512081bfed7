using System.Reflection;
using AgentGateway.Hosting;

namespace AgentGateway.Tests.Architecture;

/// <summary>
/// Event ids must be unique per logger category. The source generator only checks one class at a time; a category
/// spans more: every nested class of a type logs under that type's category, and a folder's shared <c>Log</c> class
/// is called with the loggers of the types in its folder.
/// </summary>
public class LoggerEventIdTests
{
    private sealed record Message(Type Owner, Type Declaring, string Method, int EventId);

    /// <summary>Every [LoggerMessage] method of the gateway with an explicit event id, with the outermost type declaring it.</summary>
    private static List<Message> LoggerMessages() =>
        [.. from type in typeof(GatewayApplicationExtensions).Assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
            where attribute is not null && attribute.EventId >= 0
            select new Message(Outermost(type), type, method.Name, attribute.EventId)];

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    [Fact]
    public void EventIds_AreUniqueWithinEachLoggingType_NestedClassesIncluded()
    {
        var duplicates = LoggerMessages()
            .GroupBy(m => (m.Owner, m.EventId))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Owner.FullName}: event id {g.Key.EventId} used by {string.Join(", ", g.Select(m => $"{m.Declaring.Name}.{m.Method}"))}")
            .ToList();

        Assert.True(duplicates.Count == 0, "Duplicate logger event ids:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void SharedFolderLogIds_DoNotCollideWithTheFoldersOwnLoggers()
    {
        var messages = LoggerMessages();
        // A top-level class named Log is a folder's shared one; any type in that folder (or below) may call it.
        var shared = messages.Where(m => m.Owner.Name == "Log" && m.Owner.DeclaringType is null).GroupBy(m => m.Owner);
        var collisions = new List<string>();
        foreach (var log in shared)
        {
            var folder = log.Key.Namespace + ".";
            var ids = log.Select(m => m.EventId).ToHashSet();
            collisions.AddRange(messages
                .Where(m => m.Owner != log.Key && (m.Owner.Namespace + ".").StartsWith(folder, StringComparison.Ordinal) && ids.Contains(m.EventId))
                .Select(m => $"{m.Owner.FullName}.{m.Method} uses event id {m.EventId}, as does {log.Key.FullName}"));
        }

        Assert.True(collisions.Count == 0, "Event ids shared with a folder's Log class:\n" + string.Join("\n", collisions));
    }

    [Fact]
    public void TheScan_FindsTheGatewaysLoggerMessages()
    {
        // Guards the tests above against passing vacuously (a scan that finds nothing has no duplicates).
        var count = LoggerMessages().Count;
        Assert.True(count > 30, $"found only {count} [LoggerMessage] methods");
    }
}
