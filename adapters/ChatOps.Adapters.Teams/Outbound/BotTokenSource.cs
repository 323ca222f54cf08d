using ChatOps.Adapters.Teams.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ChatOps.Adapters.Teams.Outbound;

/// <summary>The bearer token for Bot Connector calls.</summary>
internal interface IBotTokenSource
{
    Task<string> GetTokenAsync(CancellationToken ct);
}

/// <summary>
/// Client-credential tokens from one MSAL confidential client for the whole process: MSAL caches the app token and
/// renews it before expiry; a client per request would defeat the cache and get throttled (PROTOCOLS.md D10). The
/// client proves itself with the secret or, when configured, a <c>client_assertion</c> signed with the certificate.
/// </summary>
internal sealed class MsalBotTokenSource(IOptions<TeamsOptions> options, IHttpClientFactory httpClients) : IBotTokenSource, IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";

    private static readonly string[] MicrosoftLoginDomains =
        ["microsoftonline.com", "microsoftonline.us", "microsoftonline.de", "chinacloudapi.cn", "microsoftonline.cn", "windows.net", "microsoft.com"];

    private readonly Lazy<IConfidentialClientApplication> _client = new(() => Create(options.Value, new MsalHttpClientFactory(httpClients)));

    /// <summary>
    /// MSAL does not merge concurrent requests for a token it has not cached yet: at start (or at expiry) every
    /// waiting send would ask the identity provider. One at a time, the first asks and the rest hit the cache.
    /// </summary>
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var result = await _client.Value.AcquireTokenForClient([Scope]).ExecuteAsync(ct);
            return result.AccessToken;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private static IConfidentialClientApplication Create(TeamsOptions options, IMsalHttpClientFactory http)
    {
        var tenant = string.IsNullOrWhiteSpace(options.TenantId) ? "botframework.com" : options.TenantId;
        var authority = new Uri(options.TokenAuthority.Replace("{tenant}", tenant, StringComparison.Ordinal));
        var builder = ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithAuthority(authority.ToString())
            .WithHttpClientFactory(http)
            .WithInstanceDiscovery(IsMicrosoftCloud(authority));
        builder = string.IsNullOrWhiteSpace(options.CertificatePath)
            ? builder.WithClientSecret(options.AppPassword)
            : builder.WithCertificate(BotCertificate.Load(options.CertificatePath, options.CertificatePassword));
        return builder.Build();
    }

    /// <summary>
    /// MSAL asks login.microsoftonline.com which aliases a Microsoft cloud's login host has. Any other authority (a
    /// disconnected cloud, a loopback stand-in for benchmarks) is used as configured, without that question.
    /// </summary>
    internal static bool IsMicrosoftCloud(Uri authority) =>
        MicrosoftLoginDomains.Any(d => authority.Host.Equals(d, StringComparison.OrdinalIgnoreCase) || authority.Host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
}
