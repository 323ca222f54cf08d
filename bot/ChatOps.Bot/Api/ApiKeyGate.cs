using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Api;

/// <summary>
/// Checks the API key of a request (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>). Fails closed: outside
/// Development, no configured key means every call is refused. Keys are compared in constant time.
/// </summary>
internal sealed class ApiKeyGate
{
    private readonly byte[][] _keyHashes;

    public ApiKeyGate(IOptions<ApiOptions> options, IHostEnvironment environment)
    {
        Required = !environment.IsDevelopment();
        _keyHashes = [.. options.Value.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Hash)];
    }

    public bool Required { get; }

    public bool HasKeys => _keyHashes.Length > 0;

    public bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        var hash = Hash(presented);
        var match = false;
        // Look at every key, so the time taken says nothing about which one (if any) matched.
        foreach (var key in _keyHashes) match |= CryptographicOperations.FixedTimeEquals(hash, key);
        return match;
    }

    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && !string.IsNullOrEmpty(header)) return header.ToString();
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : null;
    }

    // Hashing first gives equal-length inputs to FixedTimeEquals, so the key length does not leak either.
    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
