using System.Globalization;

namespace AgentGateway.Cedar.Extensions;

/// <summary>
/// Parses the text accepted by Cedar's <c>ip()</c>: dotted IPv4 (no leading zeros), IPv6 with at most
/// one <c>::</c>, an optional <c>/prefix</c>; IPv4-embedded IPv6 is rejected on purpose.
/// </summary>
internal static class IpAddrParser
{
    public static CedarIpAddr? TryParse(string text, out string? error)
    {
        error = null;
        if (System.Text.Encoding.UTF8.GetByteCount(text) > 43)
        {
            error = "string length is too large";
            return null;
        }

        if (CountOf(text, ':') >= 2 && CountOf(text, '.') >= 2)
        {
            error = "IPv4 embedded in IPv6 is not accepted";
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addrText = slash < 0 ? text : text[..slash];
        bool isV4;
        UInt128 addr;
        if (TryParseV4(addrText, out var v4))
        {
            isV4 = true;
            addr = v4;
        }
        else if (TryParseV6(addrText, out var v6))
        {
            isV4 = false;
            addr = v6;
        }
        else
        {
            error = $"invalid IP address: {text}";
            return null;
        }

        var max = isV4 ? 32 : 128;
        var prefix = max;
        if (slash >= 0)
        {
            var p = text[(slash + 1)..];
            if (p.Length == 0 || p.Length > (isV4 ? 2 : 3) || !p.All(char.IsAsciiDigit) ||
                (p.Length > 1 && p[0] == '0') || (prefix = int.Parse(p, CultureInfo.InvariantCulture)) > max)
            {
                error = $"invalid prefix in `{text}`";
                return null;
            }
        }

        return new CedarIpAddr(isV4, addr, prefix);
    }

    private static int CountOf(string s, char c) => s.Count(x => x == c);

    private static bool TryParseV4(string s, out UInt128 value)
    {
        value = 0;
        var parts = s.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        uint acc = 0;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var n = int.Parse(part, CultureInfo.InvariantCulture);
            if (n > 255)
            {
                return false;
            }

            acc = (acc << 8) | (uint)n;
        }

        value = acc;
        return true;
    }

    private static bool TryParseV6(string s, out UInt128 value)
    {
        value = 0;
        var dbl = s.IndexOf("::", StringComparison.Ordinal);
        List<ushort>? head;
        List<ushort>? tail = [];
        if (dbl < 0)
        {
            head = ParseGroups(s);
            if (head is null || head.Count != 8)
            {
                return false;
            }
        }
        else
        {
            head = dbl == 0 ? [] : ParseGroups(s[..dbl]);
            var rest = s[(dbl + 2)..];
            tail = rest.Length == 0 ? [] : ParseGroups(rest);
            // "::" stands for at least one zero group.
            if (head is null || tail is null || head.Count + tail.Count > 7)
            {
                return false;
            }
        }

        var groups = new ushort[8];
        for (var i = 0; i < head.Count; i++)
        {
            groups[i] = head[i];
        }

        for (var i = 0; i < tail.Count; i++)
        {
            groups[8 - tail.Count + i] = tail[i];
        }

        UInt128 acc = 0;
        foreach (var g in groups)
        {
            acc = (acc << 16) | g;
        }

        value = acc;
        return true;
    }

    private static List<ushort>? ParseGroups(string s)
    {
        var result = new List<ushort>();
        foreach (var part in s.Split(':'))
        {
            if (part.Length is 0 or > 4 || !part.All(char.IsAsciiHexDigit))
            {
                return null;
            }

            result.Add(ushort.Parse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        return result;
    }
}
