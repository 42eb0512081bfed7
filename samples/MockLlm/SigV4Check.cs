using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MockLlm;

/// <summary>
/// Checks a request's AWS SigV4 signature the way Bedrock does (written independently of the gateway's signer):
/// rebuilds the canonical request from the raw target, the signed headers and the body, and compares. Without a
/// configured secret only the header's shape is checked.
/// </summary>
internal static class SigV4Check
{
    /// <summary>Returns null when the request is acceptable, else why not.</summary>
    public static string? Problem(HttpContext ctx, string body, MockLlmOptions options)
    {
        var auth = ctx.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return options.AwsBearerToken is { } bearer && auth != "Bearer " + bearer ? "The bearer token is not valid." : null;
        }

        if (!auth.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return "Missing Authentication Token";
        }

        var parts = auth["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders)
            || !parts.TryGetValue("Signature", out var signature) || credential.Split('/') is not [var keyId, var date, var region, var service, "aws4_request"])
        {
            return "Authorization header is malformed.";
        }

        var amzDate = ctx.Request.Headers["x-amz-date"].ToString();
        if (!amzDate.StartsWith(date, StringComparison.Ordinal) || !signedHeaders.Split(';').Contains("host") || !signedHeaders.Split(';').Contains("x-amz-date"))
        {
            return "Signature must cover host and x-amz-date, and the credential date must match.";
        }

        if (options.AwsSecretAccessKey is not { } secret)
        {
            return null;
        }

        if (options.AwsAccessKeyId is { } id && id != keyId)
        {
            return "The security token included in the request is invalid.";
        }

        var raw = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = raw.Split('?')[0];
        var canonicalPath = string.Join('/', path.Split('/').Select(Encode));
        var headers = string.Concat(signedHeaders.Split(';').Select(h => h + ":" + ctx.Request.Headers[h].ToString().Trim() + "\n"));
        var canonical = string.Join('\n', ctx.Request.Method, canonicalPath, "", headers, signedHeaders, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(Hmac(Hmac(key, region), service), "aws4_request");
        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : "The request signature we calculated does not match the signature you provided.";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Encode(string segment)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
