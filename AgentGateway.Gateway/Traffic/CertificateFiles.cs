using System.Security.Cryptography.X509Certificates;

namespace AgentGateway.Traffic;

/// <summary>Loads certificates from PEM (certificate + key) or PFX files, and validates chains against a private CA.</summary>
public static class CertificateFiles
{
    /// <summary>Loads a certificate with its private key. PEM when <paramref name="keyPath"/> is set, else PFX.</summary>
    public static X509Certificate2 Load(string path, string? keyPath, string? password)
    {
        if (keyPath is null && !LooksLikePem(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        using var pem = keyPath is null ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromPemFile(path, keyPath);
        // Round-trip through PKCS#12: keys loaded from PEM are ephemeral, which TLS stacks do not always accept.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Loads every certificate of a PEM bundle (CA certificates).</summary>
    public static X509Certificate2Collection LoadBundle(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        return collection;
    }

    /// <summary>Whether <paramref name="certificate"/> chains to one of <paramref name="roots"/> (no revocation check).</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection roots, X509Chain? presented = null)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }

    private static bool LooksLikePem(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[64];
        var read = reader.Read(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
