namespace AgentGateway.Tests.AppHost;

/// <summary>Small node programs used as real child processes by the orchestrator tests.</summary>
internal static class AppHostScripts
{
    /// <summary>An HTTP server on $PORT answering "ok from $OTEL_SERVICE_NAME"; /health answers 200.</summary>
    public const string HttpServer = """
        require('http').createServer((req, res) => res.end('ok from ' + process.env.OTEL_SERVICE_NAME))
          .listen(Number(process.env.PORT), '127.0.0.1');
        """;

    /// <summary>Like <see cref="HttpServer"/> but starts listening only after DELAY_MS, so dependents must wait.</summary>
    public const string SlowHttpServer = """
        setTimeout(() => require('http').createServer((req, res) => res.end('ok from ' + process.env.OTEL_SERVICE_NAME))
          .listen(Number(process.env.PORT), '127.0.0.1'), Number(process.env.DELAY_MS || 1500));
        """;

    /// <summary>Prints the variables the orchestrator injects, one KEY=value per line, then exits 0.</summary>
    public const string PrintEnv = """
        for (const [k, v] of Object.entries(process.env))
          if (/^(services__|ConnectionStrings__|ASPNETCORE_URLS|PORT|OTEL_|GREETING)/.test(k)) console.log(k + '=' + v);
        """;

    /// <summary>Fetches services__a__http__0 once at start and prints the answer (or the error).</summary>
    public const string CallDependency = """
        fetch(process.env.services__a__http__0).then(r => r.text()).then(t => console.log('got: ' + t), e => console.log('error: ' + e.message));
        setInterval(() => {}, 1000);
        """;
}
