using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Adapters.Teams.Tests.Fixtures;

/// <summary>An RSA key the test made itself, published in the key server's JWKS with its endorsements.</summary>
internal sealed class TestKey(string kid, params string[] endorsements) : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string Kid { get; } = kid;

    public SigningCredentials Credentials => new(new RsaSecurityKey(_rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha256);

    public JsonObject Jwk()
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements.Length > 0) jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
