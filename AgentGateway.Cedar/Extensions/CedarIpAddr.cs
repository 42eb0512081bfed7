using System.Globalization;

namespace AgentGateway.Cedar.Extensions;

/// <summary>
/// The <c>ipaddr</c> extension: an IPv4 or IPv6 address with a prefix length. Equality compares the
/// address as written and the prefix (no normalisation), as the reference implementation does.
/// </summary>
internal sealed class CedarIpAddr(bool isV4, UInt128 address, int prefix) : CedarValue
{
    public bool IsV4 { get; } = isV4;

    public UInt128 Address { get; } = address;

    public int Prefix { get; } = prefix;

    public override CedarType Type => CedarType.IpAddr;

    public bool IsLoopback =>
        IsV4 ? (Address >> 24) == 127 && Prefix >= 8 : Address == UInt128.One && Prefix >= 128;

    public bool IsMulticast =>
        IsV4 ? (Address >> 28) == 0xE && Prefix >= 4 : (Address >> 120) == 0xFF && Prefix >= 8;

    public bool IsInRange(CedarIpAddr other)
    {
        if (IsV4 != other.IsV4)
        {
            return false;
        }

        var bits = IsV4 ? 32 : 128;
        var all = IsV4 ? (UInt128)uint.MaxValue : UInt128.MaxValue;
        UInt128 HostMask(int prefix) => prefix >= bits ? UInt128.Zero : all >> prefix;
        var selfNet = Address & ~HostMask(Prefix) & all;
        var otherNet = other.Address & ~HostMask(other.Prefix) & all;
        var selfBroadcast = Address | HostMask(Prefix);
        var otherBroadcast = other.Address | HostMask(other.Prefix);
        return otherNet <= selfNet && selfBroadcast <= otherBroadcast;
    }

    public static CedarIpAddr? TryParse(string text, out string? error) => IpAddrParser.TryParse(text, out error);

    public override bool Equals(CedarValue? other) =>
        other is CedarIpAddr ip && ip.IsV4 == IsV4 && ip.Address == Address && ip.Prefix == Prefix;

    public override int GetHashCode() => HashCode.Combine(IsV4, Address, Prefix);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ip(\"{(IsV4 ? "v4" : "v6")}:{Address:X}/{Prefix}\")");
}
