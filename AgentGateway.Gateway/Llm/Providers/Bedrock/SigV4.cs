using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentGateway.Llm.Providers.Bedrock;

/// <summary>
/// AWS Signature Version 4, written from the published specification: canonical request → string to sign →
/// HMAC-SHA256 with a key derived from the secret, date, region and service. Pure functions, so the spec's own
/// examples can be checked byte for byte.
/// </summary>
internal static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The result of signing: what goes into the <c>Authorization</c> header, and the intermediate texts for tests.</summary>
    public sealed record Signed(string Authorization, string SignedHeaders, string Signature, string CanonicalRequest, string StringToSign);

    /// <param name="headers">The headers to sign (name, value); <c>host</c> and <c>x-amz-date</c> must be among them.</param>
    /// <param name="payloadHash">Lower-case hex SHA-256 of the body.</param>
    /// <param name="encodePathTwice">
    /// Every service but S3 encodes the (already percent-encoded) path segments once more: a Bedrock model id
    /// <c>…-v1:0</c> is <c>…-v1%3A0</c> on the wire and <c>…-v1%253A0</c> in the canonical request.
    /// </param>
    public static Signed Sign(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, string payloadHash, AwsCredentials credentials, string region, string service, DateTimeOffset time, bool encodePathTwice = true)
    {
        var amzDate = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var canonicalHeaders = headers
            .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(",", g.Select(h => Trim(h.Value)))))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(";", canonicalHeaders.Select(h => h.Name));
        var canonicalRequest = string.Join('\n',
            method.ToUpperInvariant(),
            CanonicalPath(uri.AbsolutePath, encodePathTwice),
            CanonicalQuery(uri.Query),
            string.Concat(canonicalHeaders.Select(h => h.Name + ":" + h.Value + "\n")),
            signedHeaders,
            payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var signature = Hex(HMACSHA256.HashData(SigningKey(credentials.SecretAccessKey, date, region, service), Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new Signed(authorization, signedHeaders, signature, canonicalRequest, stringToSign);
    }

    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    public static string PayloadHash(ReadOnlySpan<byte> body) => Hex(SHA256.HashData(body));

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>URI-encodes per the spec: every byte but the unreserved <c>A-Z a-z 0-9 - _ . ~</c>, upper-case hex.</summary>
    public static string UriEncode(string value, bool keepSlash = false)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string CanonicalPath(string path, bool encodeTwice)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        // The path as sent is already encoded once; non-S3 services encode each segment again.
        return encodeTwice ? string.Join('/', path.Split('/').Select(s => UriEncode(s))) : path;
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        return string.Join('&', query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: UriEncode(Uri.UnescapeDataString(p[0])), Value: UriEncode(p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    // Header values: leading and trailing spaces removed, runs of spaces collapsed to one.
    private static string Trim(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
