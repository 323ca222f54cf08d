using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Adapters.Teams.Authentication;

/// <summary>
/// The signing keys behind one OpenID metadata document, cached: refreshed once a day, and on a key id it does not
/// know at most once an hour, so a flood of tokens with made-up key ids cannot turn into a flood of requests.
/// </summary>
internal sealed class OpenIdKeyCache(HttpClient http, TimeProvider clock, string metadataUrl) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromDays(1);
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private IReadOnlyDictionary<string, SigningKey>? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset? _lastUnknownKeyRefresh;

    public string MetadataUrl => metadataUrl;

    /// <summary>The key with <paramref name="keyId"/>, or null when the metadata does not list it (even after a permitted refresh).</summary>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken ct)
    {
        var keys = _keys;
        if (keys is null || clock.GetUtcNow() - _fetchedAt >= RefreshInterval) keys = await RefreshAsync(force: false, ct);
        if (keys.TryGetValue(keyId, out var key)) return key;

        var now = clock.GetUtcNow();
        if (_lastUnknownKeyRefresh is { } last && now - last < UnknownKeyRefreshInterval) return null;
        _lastUnknownKeyRefresh = now;
        keys = await RefreshAsync(force: true, ct);
        return keys.GetValueOrDefault(keyId);
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> RefreshAsync(bool force, CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (!force && _keys is not null && clock.GetUtcNow() - _fetchedAt < RefreshInterval) return _keys;
            var metadata = OpenIdConnectConfiguration.Create(await GetAsync(metadataUrl, ct));
            if (string.IsNullOrEmpty(metadata.JwksUri)) throw new InvalidOperationException($"{metadataUrl} names no jwks_uri.");
            var keys = Parse(await GetAsync(metadata.JwksUri, ct));
            _keys = keys;
            _fetchedAt = clock.GetUtcNow();
            return keys;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<string> GetAsync(string url, CancellationToken ct)
    {
        var uri = new Uri(url);
        // Keys fetched over plain HTTP could be swapped on the way; only a loopback test server may use it.
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback) throw new InvalidOperationException($"{url} must use https.");
        using var response = await http.GetAsync(uri, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }

    public void Dispose() => _refreshing.Dispose();

    internal static Dictionary<string, SigningKey> Parse(string jwks)
    {
        var set = new JsonWebKeySet(jwks);
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys.Where(k => !string.IsNullOrEmpty(k.Kid)))
        {
            keys[key.Kid] = new SigningKey(key, Endorsements(key));
        }
        return keys;
    }

    private static HashSet<string> Endorsements(JsonWebKey key)
    {
        var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (key.AdditionalData.TryGetValue("endorsements", out var value) && value is JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String)) endorsements.Add(item.GetString()!);
        }
        return endorsements;
    }
}
