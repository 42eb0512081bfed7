using System.Globalization;
using AgentGateway.Configuration;

namespace AgentGateway.Traffic;

/// <summary>A parsed CORS policy: origin matching (exact, <c>*.</c> subdomains, any) and the header values it answers with.</summary>
internal sealed class CorsPolicy
{
    private static readonly string[] SimpleMethods = ["GET", "HEAD", "POST"];
    private readonly HashSet<string> _exactOrigins = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Scheme, string Suffix)> _wildcardOrigins = [];
    private readonly bool _anyOrigin;
    private readonly bool _anyMethod;
    private readonly bool _anyHeader;
    private readonly HashSet<string> _methods;
    private readonly HashSet<string> _headers;

    public CorsPolicy(CorsConfig config)
    {
        foreach (var origin in config.AllowedOrigins)
        {
            if (origin == "*")
            {
                _anyOrigin = true;
            }
            else if (origin.Split("://*.", 2) is [var scheme, var suffix])
            {
                // "https://*.example.com" matches "https://a.example.com" and "https://a.b.example.com", not "https://example.com".
                _wildcardOrigins.Add((scheme + "://", "." + suffix.TrimEnd('/')));
            }
            else
            {
                _exactOrigins.Add(origin.TrimEnd('/'));
            }
        }

        _anyMethod = config.AllowedMethods.Contains("*");
        _methods = new HashSet<string>(config.AllowedMethods.Count > 0 ? config.AllowedMethods : SimpleMethods, StringComparer.OrdinalIgnoreCase);
        _anyHeader = config.AllowedHeaders.Contains("*");
        _headers = new HashSet<string>(config.AllowedHeaders, StringComparer.OrdinalIgnoreCase);
        AllowCredentials = config.AllowCredentials;
        ExposedHeaders = config.ExposedHeaders.Count > 0 ? string.Join(", ", config.ExposedHeaders) : null;
        MaxAgeSeconds = Duration.TryParse(config.MaxAge, out var maxAge)
            ? ((long)maxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null;
        AllowedMethods = string.Join(", ", _methods.Order(StringComparer.Ordinal));
    }

    public bool AllowCredentials { get; }

    public string? ExposedHeaders { get; }

    public string? MaxAgeSeconds { get; }

    private string AllowedMethods { get; }

    /// <summary>The Access-Control-Allow-Methods value: the configured list, or the asked method when any is allowed.</summary>
    public string AllowMethodsValue(string requested) => _anyMethod ? requested : AllowedMethods;

    public bool IsOriginAllowed(string origin)
    {
        if (_anyOrigin || _exactOrigins.Contains(origin))
        {
            return true;
        }

        foreach (var (scheme, suffix) in _wildcardOrigins)
        {
            if (origin.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
                && origin.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && origin.Length > scheme.Length + suffix.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Access-Control-Allow-Origin value: the origin itself, or <c>*</c> for any-origin policies without credentials.</summary>
    public string AllowOriginValue(string origin) => _anyOrigin && !AllowCredentials ? "*" : origin;

    public bool IsMethodAllowed(string method) => _anyMethod || _methods.Contains(method);

    /// <summary>Whether every header of an Access-Control-Request-Headers list is allowed.</summary>
    public bool AreHeadersAllowed(IEnumerable<string> headers) => _anyHeader || headers.All(_headers.Contains);
}
