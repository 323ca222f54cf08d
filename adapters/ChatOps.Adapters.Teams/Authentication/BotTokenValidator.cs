using ChatOps.Adapters.Teams.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Adapters.Teams.Authentication;

/// <summary>
/// Checks the bearer token of an inbound activity, failing closed (PROTOCOLS.md B2): a Bot Framework token
/// (issuer, audience = app id, lifetime with 5 min skew, RS* signature by a key of the cached JWKS, that key endorsed
/// for the activity's channel, <c>serviceurl</c> = the activity's service URL) or, for a single-tenant bot, an Entra ID
/// token of its own tenant; then the tenant allow-list.
/// </summary>
internal sealed class BotTokenValidator : IDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly TimeProvider _clock;
    private readonly OpenIdKeyCache _botFramework;
    private readonly OpenIdKeyCache? _entra;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotTokenValidator(IOptions<TeamsOptions> options, TimeProvider clock, IHttpClientFactory httpClients)
    {
        _options = options.Value;
        _clock = clock;
        var http = httpClients.CreateClient(nameof(BotTokenValidator));
        _botFramework = new OpenIdKeyCache(http, clock, _options.OpenIdMetadataUrl);
        if (!string.IsNullOrWhiteSpace(_options.TenantId))
        {
            _entra = new OpenIdKeyCache(http, clock, _options.EntraOpenIdMetadataUrl.Replace("{tenant}", _options.TenantId, StringComparison.Ordinal));
        }
    }

    public async Task<AuthenticationResult> ValidateAsync(string? authorization, InboundCaller caller, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(_options.AppId)) return AuthenticationResult.Fail("Teams:AppId is not configured");
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticationResult.Fail("no bearer token");

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(authorization["Bearer ".Length..].Trim());
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Fail("the token is not a JWT");
        }
        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal)) return AuthenticationResult.Fail($"algorithm '{token.Alg}' is not accepted");

        var verdict = token.Issuer == BotFrameworkIssuer
            ? await ValidateBotFrameworkAsync(token, caller, ct)
            : await ValidateEntraAsync(token, caller, ct);
        if (!verdict.Succeeded) return verdict;
        return TenantAllowed(caller.TenantId) ? verdict : AuthenticationResult.Fail($"tenant '{caller.TenantId}' is not allowed");
    }

    /// <summary>The allow-list applies with or without authentication: an empty list allows every tenant.</summary>
    public bool TenantAllowed(string? tenantId) =>
        _options.AllowedTenantIds.Count == 0 ||
        (tenantId is not null && _options.AllowedTenantIds.Contains(tenantId, StringComparer.OrdinalIgnoreCase));

    private async Task<AuthenticationResult> ValidateBotFrameworkAsync(JsonWebToken token, InboundCaller caller, CancellationToken ct)
    {
        var key = await _botFramework.FindAsync(token.Kid ?? "", ct);
        if (key is null) return AuthenticationResult.Fail($"unknown signing key '{token.Kid}'");
        var checkedToken = await CheckAsync(token, key, [BotFrameworkIssuer]);
        if (!checkedToken.Succeeded) return checkedToken;

        if (string.IsNullOrEmpty(caller.ChannelId) || !key.Endorsements.Contains(caller.ChannelId))
            return AuthenticationResult.Fail($"the signing key is not endorsed for channel '{caller.ChannelId}'");
        var claimed = token.TryGetPayloadValue<string>("serviceurl", out var url) ? url : null;
        if (!SameServiceUrl(claimed, caller.ServiceUrl))
            return AuthenticationResult.Fail($"serviceurl claim '{claimed}' differs from the activity's '{caller.ServiceUrl}'");
        return AuthenticationResult.Success;
    }

    private async Task<AuthenticationResult> ValidateEntraAsync(JsonWebToken token, InboundCaller caller, CancellationToken ct)
    {
        if (_entra is null) return AuthenticationResult.Fail($"issuer '{token.Issuer}' is not accepted (multi-tenant bot)");
        var tenant = _options.TenantId!;
        string[] issuers = [$"https://login.microsoftonline.com/{tenant}/v2.0", $"https://sts.windows.net/{tenant}/"];
        if (!issuers.Contains(token.Issuer, StringComparer.OrdinalIgnoreCase)) return AuthenticationResult.Fail($"issuer '{token.Issuer}' is not accepted");

        var key = await _entra.FindAsync(token.Kid ?? "", ct);
        if (key is null) return AuthenticationResult.Fail($"unknown signing key '{token.Kid}'");
        var checkedToken = await CheckAsync(token, key, issuers);
        if (!checkedToken.Succeeded) return checkedToken;

        // Entra tokens carry no channel endorsements; a service URL claim, when present, must still match.
        if (token.TryGetPayloadValue<string>("serviceurl", out var url) && !SameServiceUrl(url, caller.ServiceUrl))
            return AuthenticationResult.Fail($"serviceurl claim '{url}' differs from the activity's '{caller.ServiceUrl}'");
        return AuthenticationResult.Success;
    }

    private async Task<AuthenticationResult> CheckAsync(JsonWebToken token, SigningKey key, string[] issuers)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = _options.AppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            // Lifetime is checked below against the injected clock, so tests can move time.
            ValidateLifetime = false,
            RequireExpirationTime = true,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid) return AuthenticationResult.Fail(result.Exception?.GetType().Name ?? "invalid token");
        return LifetimeValid(token) ? AuthenticationResult.Success : AuthenticationResult.Fail("the token is expired or not yet valid");
    }

    private bool LifetimeValid(JsonWebToken token)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (!token.TryGetPayloadValue<long>("exp", out _)) return false;
        if (token.ValidTo.Add(ClockSkew) < now) return false;
        return !token.TryGetPayloadValue<long>("nbf", out _) || token.ValidFrom.Subtract(ClockSkew) <= now;
    }

    public void Dispose()
    {
        _botFramework.Dispose();
        _entra?.Dispose();
    }

    private static bool SameServiceUrl(string? claimed, string? actual) =>
        claimed is not null && actual is not null &&
        string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

}
