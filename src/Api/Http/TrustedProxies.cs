using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AskVideo.Api.Http;

/// <summary>
/// Which reverse proxies may tell the API the client's address, scheme and host (X-Forwarded-For, -Proto, -Host;
/// section "ForwardedHeaders"). Loopback always may (the local run's nginx); anything else only when listed here, e.g.
/// the nginx container's address under Docker Compose. From any other peer those headers are ignored, so nobody can
/// pick the address that rate limits and audit logs see.
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Single proxy addresses, e.g. <c>172.30.80.10</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>172.30.80.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public void Apply(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // The defaults (127.0.0.0/8 and ::1) stay: loopback is trusted, nothing else unless configured.
        foreach (var proxy in KnownProxies)
        {
            if (IPAddress.TryParse(proxy, out var address)) options.KnownProxies.Add(address);
        }
        foreach (var network in KnownNetworks)
        {
            if (System.Net.IPNetwork.TryParse(network, out var parsed)) options.KnownIPNetworks.Add(parsed);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
                yield return new ValidationResult($"ForwardedHeaders:KnownProxies:{i} must be an IP address (got '{KnownProxies[i]}').", [nameof(KnownProxies)]);
        }
        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i], out _))
                yield return new ValidationResult($"ForwardedHeaders:KnownNetworks:{i} must be a network in CIDR notation such as 172.30.80.0/24 (got '{KnownNetworks[i]}').", [nameof(KnownNetworks)]);
        }
    }
}
