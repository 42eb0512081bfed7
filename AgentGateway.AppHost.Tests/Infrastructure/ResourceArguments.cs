namespace AgentGateway.AppHost.Tests.Infrastructure;

/// <summary>A resource's command-line arguments as its WithArgs callbacks produce them (strings, or value providers).</summary>
internal static class ResourceArguments
{
    public static async Task<List<object>> OfAsync(IResource resource, CancellationToken ct)
    {
        var args = new List<object>();
        var context = new CommandLineArgsCallbackContext(args, resource, ct);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return args;
    }

    /// <summary>The literal (string) arguments only.</summary>
    public static async Task<List<string>> StringsAsync(IResource resource, CancellationToken ct) =>
        [.. (await OfAsync(resource, ct)).OfType<string>()];
}
