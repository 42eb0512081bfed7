using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AgentGateway.Traffic;

/// <summary>
/// A certificate loaded from files and reloaded when they change (a file watcher on their folders,
/// debounced so a certificate and key written one after the other load together). A change that does not
/// load (half-written, key mismatch) keeps the previous certificate serving.
/// </summary>
public sealed partial class ReloadingCertificate : IDisposable
{
    private readonly string _path;
    private readonly string? _keyPath;
    private readonly string? _password;
    private readonly ILogger _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _debounce;
    private X509Certificate2 _current;

    /// <summary>Loads the certificate now (throws when it cannot) and starts watching its files.</summary>
    public ReloadingCertificate(string path, string? keyPath, string? password, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _keyPath = keyPath is null ? null : Path.GetFullPath(keyPath);
        _password = password;
        _logger = logger;
        _current = CertificateFiles.Load(_path, _keyPath, _password);
        _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var group in new[] { _path, _keyPath }.OfType<string>().GroupBy(Path.GetDirectoryName))
        {
            var watcher = new FileSystemWatcher(group.Key!) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            var names = group.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
            FileSystemEventHandler onChange = (_, e) =>
            {
                if (names.Contains(e.Name ?? ""))
                {
                    _debounce.Change(250, Timeout.Infinite);
                }
            };
            watcher.Changed += onChange;
            watcher.Created += onChange;
            watcher.Renamed += (sender, e) => onChange(sender, e);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>The certificate to present now.</summary>
    public X509Certificate2 Current => Volatile.Read(ref _current);

    /// <summary>Loads the files again now (the watcher calls this).</summary>
    public bool Reload()
    {
        try
        {
            var loaded = CertificateFiles.Load(_path, _keyPath, _password);
            if (loaded.Thumbprint == Current.Thumbprint)
            {
                loaded.Dispose();
                return true;
            }

            // The old certificate is not disposed: handshakes in flight may still be using it.
            Volatile.Write(ref _current, loaded);
            Log.Reloaded(_logger, _path, loaded.Subject, loaded.NotAfter);
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            Log.ReloadFailed(_logger, _path, ex);
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _debounce.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "TLS certificate {Path} reloaded: {Subject}, valid until {NotAfter}")]
        public static partial void Reloaded(ILogger logger, string path, string subject, DateTime notAfter);

        [LoggerMessage(2, LogLevel.Warning, "TLS certificate {Path} changed but could not be loaded; the previous certificate keeps serving")]
        public static partial void ReloadFailed(ILogger logger, string path, Exception exception);
    }
}
