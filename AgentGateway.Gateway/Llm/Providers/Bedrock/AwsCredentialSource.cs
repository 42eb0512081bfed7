using System.Text.Json;

namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>
/// Finds SigV4 credentials the way AWS tools do, in a fixed order for <c>auto</c>: keys in config, then
/// <c>AWS_ACCESS_KEY_ID</c> / <c>AWS_SECRET_ACCESS_KEY</c> / <c>AWS_SESSION_TOKEN</c>, then the EC2 instance role
/// (IMDSv2). Temporary credentials are cached and fetched again five minutes before they expire; concurrent
/// requests wait for one fetch instead of each asking the metadata service.
/// </summary>
internal sealed class AwsCredentialSource
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly AwsProviderConfig _config;
    private readonly RefreshingCache<AwsCredentials> _cache;

    public AwsCredentialSource(AwsProviderConfig config, TimeProvider time)
    {
        _config = config;
        _cache = new RefreshingCache<AwsCredentials>(ResolveAsync, (c, _) => c.Expiration - RefreshMargin, time);
    }

    public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken) => _cache.GetAsync(cancellationToken);

    private async Task<AwsCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        var mode = _config.Credentials.ToLowerInvariant();
        if (mode is "auto" or "config" && FromConfig() is { } configured)
        {
            return configured;
        }

        if (mode is "auto" or "environment" && FromEnvironment() is { } environment)
        {
            return environment;
        }

        if (mode is "auto" or "instance")
        {
            return await InstanceMetadata.GetCredentialsAsync(cancellationToken);
        }

        throw new HttpRequestException($"No AWS credentials found ({mode}).", null, System.Net.HttpStatusCode.Unauthorized);
    }

    private AwsCredentials? FromConfig() =>
        _config is { AccessKeyId.Length: > 0, SecretAccessKey.Length: > 0 } config
            ? new AwsCredentials(config.AccessKeyId, config.SecretAccessKey, config.SessionToken is { Length: > 0 } t ? t : null)
            : null;

    private static AwsCredentials? FromEnvironment() =>
        Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 } id
        && Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret
            ? new AwsCredentials(id, secret, Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null)
            : null;

    /// <summary>EC2 instance metadata, version 2 (a session token first; IMDSv1 is often disabled).</summary>
    private static class InstanceMetadata
    {
        private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

        public static async Task<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            // AWS_EC2_METADATA_SERVICE_ENDPOINT is the SDKs' own override (tests, IPv6 endpoints).
            var root = (Environment.GetEnvironmentVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT") is { Length: > 0 } e ? e : "http://169.254.169.254").TrimEnd('/');
            try
            {
                using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, root + "/latest/api/token");
                tokenRequest.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "21600");
                using var tokenResponse = await Client.SendAsync(tokenRequest, cancellationToken);
                tokenResponse.EnsureSuccessStatusCode();
                var token = await tokenResponse.Content.ReadAsStringAsync(cancellationToken);

                var path = root + "/latest/meta-data/iam/security-credentials/";
                var role = (await GetAsync(path, token, cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                    ?? throw new InvalidOperationException("the instance has no IAM role");
                using var doc = JsonDocument.Parse(await GetAsync(path + Uri.EscapeDataString(role), token, cancellationToken));
                var c = doc.RootElement;
                return new AwsCredentials(
                    c.GetProperty("AccessKeyId").GetString()!,
                    c.GetProperty("SecretAccessKey").GetString()!,
                    c.TryGetProperty("Token", out var t) ? t.GetString() : null,
                    c.TryGetProperty("Expiration", out var x) && x.TryGetDateTimeOffset(out var expires) ? expires : null);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or JsonException or KeyNotFoundException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // 401 so failover treats it as configuration, not as a flaky provider; the cause goes to the debug log.
                throw new HttpRequestException("No AWS credentials: the instance metadata service gave none (" + ex.GetType().Name + ").", ex, System.Net.HttpStatusCode.Unauthorized);
            }
        }

        private static async Task<string> GetAsync(string url, string token, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("X-aws-ec2-metadata-token", token);
            using var response = await Client.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
    }
}
