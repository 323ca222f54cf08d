using ChatOps.Adapters.Teams.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Teams.Outbound;

/// <summary>How the Connector client may talk to a service URL.</summary>
internal enum ServiceUrlTrust
{
    /// <summary>Not an allowed host: nothing is sent, so a forged activity cannot collect the bot's token.</summary>
    Refused,
    /// <summary>An https Microsoft host from the allow-list: calls carry the bot's bearer token.</summary>
    WithToken,
    /// <summary>The local Agents Playground (Development with authentication off): calls go without a token.</summary>
    Anonymous,
}

/// <summary>
/// Service URLs only reach this adapter on authenticated activities (the token's <c>serviceurl</c> claim matched) and
/// conversation references are stored only from those; this policy adds the host allow-list on every call
/// (PROTOCOLS.md D9).
/// </summary>
internal sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options, IHostEnvironment environment)
{
    private readonly TeamsOptions _options = options.Value;

    public ServiceUrlTrust Judge(Uri serviceUrl)
    {
        if (serviceUrl.Scheme == Uri.UriSchemeHttps && _options.AllowedServiceUrlHosts.Exists(h => HostMatches(serviceUrl.Host, h)))
            return ServiceUrlTrust.WithToken;
        if (_options.DisableAuthentication && environment.IsDevelopment() && serviceUrl.IsLoopback) return ServiceUrlTrust.Anonymous;
        return ServiceUrlTrust.Refused;
    }

    private static bool HostMatches(string host, string allowed) =>
        string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase) ||
        host.EndsWith("." + allowed.TrimStart('.'), StringComparison.OrdinalIgnoreCase);
}
