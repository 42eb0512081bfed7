using AgentGateway.Configuration;
using AgentGateway.Hosting;
using AgentGateway.Security;

// AgentGateway: one governed endpoint for models, tools and agents. DESIGN.md §3 maps the folders.
var commandLine = GatewayCommandLine.Parse(args);
if (commandLine.WriteSchemaPath is { } schemaPath)
{
    await File.WriteAllTextAsync(schemaPath, ConfigSchema.Generate());
    return 0;
}

if (commandLine.SecretToHash is { } secret)
{
    // For apiKeys[].keyHash and basic users' passwordHash: only hashes go into config.
    Console.WriteLine(SecretHash.Sha256(secret));
    return 0;
}

var (app, errors) = GatewayApp.Build(commandLine);
if (app is null)
{
    await Console.Error.WriteLineAsync($"Invalid configuration ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):");
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync($"  {error}");
    }

    return 2;
}

if (commandLine.ValidateOnly)
{
    Console.WriteLine($"Configuration is valid: {commandLine.ConfigFile}");
    return 0;
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can find the assembly.</summary>
public partial class Program;
