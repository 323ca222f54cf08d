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
/// renews it before expiry; a client per request would defeat the cache and get throttled (PROTOCOLS.md D10).
/// </summary>
internal sealed class MsalBotTokenSource(IOptions<TeamsOptions> options) : IBotTokenSource
{
    public const string Scope = "https://api.botframework.com/.default";

    private readonly Lazy<IConfidentialClientApplication> _client = new(() => Create(options.Value));

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        var result = await _client.Value.AcquireTokenForClient([Scope]).ExecuteAsync(ct);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Create(TeamsOptions options)
    {
        var tenant = string.IsNullOrWhiteSpace(options.TenantId) ? "botframework.com" : options.TenantId;
        return ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithClientSecret(options.AppPassword)
            .WithAuthority(options.TokenAuthority.Replace("{tenant}", tenant, StringComparison.Ordinal))
            .Build();
    }
}
