using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentGateway.Security;

/// <summary>
/// Hashes of API keys and passwords as they appear in config: <c>sha256:&lt;hex&gt;</c> or
/// <c>pbkdf2:&lt;iterations&gt;:&lt;salt base64&gt;:&lt;hash base64&gt;</c> (PBKDF2-SHA256). Compared in constant time.
/// </summary>
public static class SecretHash
{
    /// <summary>The <c>sha256:</c> form of a secret (what <c>--hash-secret</c> prints).</summary>
    public static string Sha256(string secret) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="hash"/> is a supported, well-formed hash.</summary>
    public static bool IsValid(string hash) => Parse(hash) is not null;

    /// <summary>Whether <paramref name="secret"/> matches <paramref name="hash"/>.</summary>
    public static bool Verify(string secret, string hash)
    {
        var parsed = Parse(hash);
        if (parsed is null)
        {
            return false;
        }

        var (kind, iterations, salt, expected) = parsed.Value;
        var actual = kind == "sha256"
            ? SHA256.HashData(Encoding.UTF8.GetBytes(secret))
            : Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static (string Kind, int Iterations, byte[] Salt, byte[] Hash)? Parse(string hash)
    {
        try
        {
            var parts = hash.Split(':');
            return parts switch
            {
                ["sha256", var hex] when hex.Length == 64 => ("sha256", 0, [], Convert.FromHexString(hex)),
                ["pbkdf2", var it, var salt, var h] when int.TryParse(it, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    => ("pbkdf2", n, Convert.FromBase64String(salt), Convert.FromBase64String(h)),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
