using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Adapters.Teams.Tests.Fixtures;

/// <summary>Bearer tokens shaped like the Bot Connector's (or Entra ID's), signed with a test key.</summary>
internal static class Tokens
{
    public const string AppId = "9f0c2b8e-1d3a-4f5b-8c7d-6e5f4a3b2c1d";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public static string Create(
        TestKey key,
        DateTimeOffset now,
        string serviceUrl,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        TimeSpan? lifetime = null,
        IDictionary<string, object>? claims = null)
    {
        var payload = new Dictionary<string, object>(claims ?? new Dictionary<string, object>()) { ["serviceurl"] = serviceUrl };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = now.AddMinutes(-5).UtcDateTime,
            IssuedAt = now.AddMinutes(-5).UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = payload,
            SigningCredentials = key.Credentials,
        });
    }

    /// <summary>A token with <c>alg: none</c> and no signature: must never pass.</summary>
    public static string Unsigned(DateTimeOffset now, string serviceUrl)
    {
        static string Part(JsonObject o) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(o.ToJsonString()));
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = "bf-1" };
        var payload = new JsonObject
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        return $"{Part(header)}.{Part(payload)}.";
    }
}
