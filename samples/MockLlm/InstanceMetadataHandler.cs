using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MockLlm;

/// <summary>
/// A stand-in for the EC2 instance metadata service (IMDSv2: a session token first, then the role's temporary
/// credentials), so the gateway's instance-role path runs against the real protocol.
/// </summary>
internal static class InstanceMetadataHandler
{
    private const string Token = "mock-imds-session";
    private const string Role = "mock-bedrock-role";

    // IMDS answers with PascalCase keys (AccessKeyId…), not ASP.NET Core's camelCase default.
    private static readonly System.Text.Json.JsonSerializerOptions PascalCase = new();

    public static void Map(WebApplication app, MockState state)
    {
        app.MapPut("/latest/api/token", (HttpRequest request) =>
            request.Headers.ContainsKey("X-aws-ec2-metadata-token-ttl-seconds") ? Results.Text(Token) : Results.StatusCode(400));
        app.MapGet("/latest/meta-data/iam/security-credentials/", (HttpRequest request) =>
            Authorized(request) ? Results.Text(Role + "\n") : Results.StatusCode(401));
        app.MapGet("/latest/meta-data/iam/security-credentials/{role}", (HttpRequest request, string role) =>
        {
            if (!Authorized(request) || role != Role)
            {
                return Results.StatusCode(Authorized(request) ? 404 : 401);
            }

            state.Next();
            return Results.Json(new
            {
                Code = "Success",
                Type = "AWS-HMAC",
                AccessKeyId = state.Options.AwsAccessKeyId ?? "ASIAMOCKINSTANCE",
                SecretAccessKey = state.Options.AwsSecretAccessKey ?? "mock-instance-secret",
                Token = "mock-instance-session-token",
                Expiration = DateTimeOffset.UtcNow.AddHours(6).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            }, PascalCase);
        });
    }

    private static bool Authorized(HttpRequest request) => request.Headers["X-aws-ec2-metadata-token"] == Token;
}
