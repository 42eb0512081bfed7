using System.Net;

namespace AgentGateway.Traffic;

/// <summary>Parses trusted-proxy entries: CIDR ranges, or single addresses (taken as /32 or /128).</summary>
internal static class TrafficNetworks
{
    public static bool TryParse(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }
}
