using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MockLlm;

/// <summary>Standalone entry point; instance behaviour comes from the "MockLlm" config section / env.</summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults();
        var options = new MockLlmOptions();
        builder.Configuration.GetSection("MockLlm").Bind(options);
        MockLlmServer.Build(builder, new MockState(options)).Run();
    }
}
