using System.Reflection;
using AgentGateway.Hosting;

namespace AgentGateway.Tests.Architecture;

public class LoggerEventIdTests
{
    /// <summary>
    /// Every [LoggerMessage] method of the gateway, grouped by the class that declares it (one logger category: a
    /// nested <c>Log</c> class writes for its outer class, a folder's <c>Log</c> class for that folder).
    /// </summary>
    private static IEnumerable<(Type Owner, MethodInfo Method, int EventId)> LoggerMessages() =>
        from type in typeof(GatewayApplicationExtensions).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null && attribute.EventId >= 0
        select (type, method, attribute.EventId);

    [Fact]
    public void EventIds_AreUniqueWithinEachLoggerClass()
    {
        var duplicates = LoggerMessages()
            .GroupBy(m => (m.Owner, m.EventId))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Owner.FullName}: event id {g.Key.EventId} used by {string.Join(", ", g.Select(m => m.Method.Name))}")
            .ToList();

        Assert.True(duplicates.Count == 0, "Duplicate logger event ids:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void TheScan_FindsTheGatewaysLoggerMessages()
    {
        // Guards the test above against passing vacuously (a scan that finds nothing has no duplicates).
        Assert.True(LoggerMessages().Count() > 30, $"found only {LoggerMessages().Count()} [LoggerMessage] methods");
    }
}
