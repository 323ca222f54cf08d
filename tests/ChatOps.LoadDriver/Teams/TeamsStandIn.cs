using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.LoadDriver.Teams;

/// <summary>
/// Everything Microsoft would run, on loopback https (MSAL and the bot's service-URL policy require https): the Bot
/// Framework's OpenID metadata and JWKS (one RSA key the driver made, endorsed for <c>msteams</c>), the token
/// endpoint the bot's MSAL client asks, and a Bot Connector that answers every call 200 with an id. The TLS
/// certificate is self-signed; the bot trusts it through <c>SSL_CERT_FILE</c> (written by <see cref="StartAsync"/>).
/// </summary>
internal sealed class TeamsStandIn : IAsyncDisposable
{
    public const string Kid = "bench-key";

    private readonly WebApplication _app;

    private TeamsStandIn(WebApplication app, RSA signingKey, int port)
    {
        _app = app;
        SigningKey = signingKey;
        BaseUrl = $"https://127.0.0.1:{port}/";
    }

    public RSA SigningKey { get; }

    /// <summary>Also the activities' service URL: the Connector lives here.</summary>
    public string BaseUrl { get; }

    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public int CallsOf(string kind) => Calls.GetValueOrDefault(kind);

    /// <summary>Starts on <paramref name="port"/> and writes the TLS certificate as PEM to <paramref name="caFile"/>.</summary>
    public static async Task<TeamsStandIn> StartAsync(int port, string caFile)
    {
        var signingKey = RSA.Create(2048);
        using var tlsKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", tlsKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = TimeProvider.System.GetUtcNow();
        using var generated = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        var tls = X509CertificateLoader.LoadPkcs12(generated.Export(X509ContentType.Pfx), null);
        await File.WriteAllTextAsync(caFile, generated.ExportCertificatePem());

        // Its own content root and no URLs from the environment: only the https endpoint below.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(tls)));
        var app = builder.Build();
        var standIn = new TeamsStandIn(app, signingKey, port);
        standIn.Map(app);
        await app.StartAsync();
        return standIn;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/bf/openidconfiguration", () => Results.Json(new { issuer = "https://api.botframework.com", jwks_uri = BaseUrl + "bf/keys" }));
        app.MapGet("/bf/keys", () => Results.Text(Jwks(), "application/json"));
        app.MapPost("/{tenant}/oauth2/v2.0/token", () =>
        {
            Count("token");
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = "bench-outbound-token" });
        });
        app.MapPost("/v3/conversations", async (HttpRequest request) =>
        {
            Count("createConversation");
            await Drain(request);
            var root = Guid.NewGuid().ToString("N");
            return Results.Json(new { id = $"19:bench-incidents@thread.tacv2;messageid={root}", activityId = root });
        });
        app.MapMethods("/v3/conversations/{**rest}", ["POST", "PUT"], async (HttpRequest request) =>
        {
            Count(request.Method == "PUT" ? "update" : "send");
            await Drain(request);
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
    }

    private void Count(string kind) => Calls.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private static async Task Drain(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        await reader.ReadToEndAsync();
    }

    private string Jwks()
    {
        var p = SigningKey.ExportParameters(includePrivateParameters: false);
        var key = new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray("msteams"),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SigningKey.Dispose();
    }
}
