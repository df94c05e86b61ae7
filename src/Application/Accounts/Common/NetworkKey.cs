using System.Net;
using System.Net.Sockets;

namespace AskVideo.Application.Accounts.Common;

/// <summary>
/// The unit that address-based limits count: an IPv4 address, or the /64 prefix of an IPv6 address (one subscriber
/// usually holds a whole /64, so counting single IPv6 addresses would let one caller rotate through billions).
/// </summary>
public static class NetworkKey
{
    public static string Of(string? ipAddress)
    {
        if (string.IsNullOrEmpty(ipAddress) || !IPAddress.TryParse(ipAddress, out var ip)) return "unknown";
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
