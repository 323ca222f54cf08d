using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Teams.Tests.Fixtures;

/// <summary>
/// A real HTTP server on loopback serving OpenID metadata and JWKS (with Bot Framework's <c>endorsements</c>) for the
/// Bot Framework issuer and for one Entra tenant, made of keys the test generated. Counts requests per path.
/// </summary>
internal sealed class KeyServer : IAsyncDisposable
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";

    private readonly WebApplication _app;

    public List<TestKey> BotFrameworkKeys { get; } = [];
    public List<TestKey> EntraKeys { get; } = [];
    public ConcurrentDictionary<string, int> Requests { get; } = new();
    public string BaseUrl { get; }

    private KeyServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BotFrameworkMetadataUrl => $"{BaseUrl}/bf/openidconfiguration";
    public string EntraMetadataUrl => $"{BaseUrl}/entra/{{tenant}}/v2.0/.well-known/openid-configuration";

    public int KeyRequests => Requests.GetValueOrDefault("/bf/keys");

    public static async Task<KeyServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        KeyServer? server = null;
        app.Use(async (ctx, next) =>
        {
            server!.Requests.AddOrUpdate(ctx.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            await next(ctx);
        });
        app.MapGet("/bf/openidconfiguration", () => Results.Json(new { issuer = "https://api.botframework.com", jwks_uri = $"{server!.BaseUrl}/bf/keys" }));
        app.MapGet("/bf/keys", () => Results.Text(Jwks(server!.BotFrameworkKeys), "application/json"));
        app.MapGet("/entra/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) =>
            Results.Json(new { issuer = $"https://login.microsoftonline.com/{tenant}/v2.0", jwks_uri = $"{server!.BaseUrl}/entra/keys" }));
        app.MapGet("/entra/keys", () => Results.Text(Jwks(server!.EntraKeys), "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new KeyServer(app, address.TrimEnd('/'));
        return server;
    }

    private static string Jwks(List<TestKey> keys)
    {
        lock (keys) return new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.Jwk())]) }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var key in BotFrameworkKeys.Concat(EntraKeys)) key.Dispose();
    }
}
