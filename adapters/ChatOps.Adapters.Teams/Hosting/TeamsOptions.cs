namespace ChatOps.Adapters.Teams.Hosting;

/// <summary>Configuration section <c>Teams</c> (environment variables <c>Teams__AppId</c> and so on).</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The Bot Framework's own OpenID metadata; Connector tokens are issued by it.</summary>
    public const string BotFrameworkMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public bool Enabled { get; set; }

    /// <summary>The Microsoft App ID of the Azure Bot (Entra app registration): the audience of inbound tokens.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The client secret used to get outbound tokens (client credentials). Set this or <see cref="CertificatePath"/>.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>
    /// A certificate registered on the app instead of a secret: a <c>.pfx</c>/<c>.p12</c> file, or a <c>.pem</c> holding the
    /// certificate and its private key. Outbound token requests then carry a <c>client_assertion</c> signed with it.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of the <see cref="CertificatePath"/> file, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Set for a single-tenant bot: outbound tokens come from this tenant and its Entra ID tokens are accepted.</summary>
    public string? TenantId { get; set; }

    /// <summary>When not empty, only activities from these tenants are accepted.</summary>
    public List<string> AllowedTenantIds { get; set; } = [];

    public string OpenIdMetadataUrl { get; set; } = BotFrameworkMetadataUrl;

    /// <summary>Metadata for Entra ID tokens of a single-tenant bot; <c>{tenant}</c> is replaced by <see cref="TenantId"/>.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>The authority outbound tokens come from; <c>{tenant}</c> is <see cref="TenantId"/> or <c>botframework.com</c>.</summary>
    public string TokenAuthority { get; set; } = "https://login.microsoftonline.com/{tenant}";

    /// <summary>
    /// Hosts (and their subdomains) a bearer token may be sent to. A forged activity must not be able to make the
    /// bot send its token elsewhere (PROTOCOLS.md D9).
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } =
    [
        "botframework.com", "smba.trafficmanager.net", "teams.microsoft.com", "teams.microsoft.us",
        "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us",
    ];

    /// <summary>
    /// The Teams channel where each incident gets its own thread: a channel id (<c>19:...@thread.tacv2</c>) or the
    /// name of a channel the bot has seen (installed in the team).
    /// </summary>
    public string IncidentsChannel { get; set; } = "";

    /// <summary>Development only: accept activities without a token (Agents Playground). The host refuses to start with it elsewhere.</summary>
    public bool DisableAuthentication { get; set; }

    /// <summary>Larger bodies are refused before parsing; Teams activities are far smaller.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;
}
