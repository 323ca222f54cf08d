using System.Net.Http.Json;
using System.Text.Json;

namespace ChatOps.LoadDriver;

/// <summary>
/// Posts command text to <c>/api/commands</c> the way any API user would. Several base URLs (replicas) are used
/// round-robin, one request each, as a load balancer without affinity would.
/// </summary>
internal sealed class BotClient : IDisposable
{
    /// <summary>Outside Development the API needs a key; the driver takes it from CHATOPS_API_KEY.</summary>
    private static readonly string? ApiKey = Environment.GetEnvironmentVariable("CHATOPS_API_KEY");

    private readonly HttpClient[] _replicas;
    private int _next;

    public BotClient(IEnumerable<Uri> baseUrls) =>
        _replicas = [.. baseUrls.Select(url => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
        })];

    /// <summary>A comma-separated list of base URLs.</summary>
    public static BotClient Parse(string urls) => new(urls.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)));

    /// <summary>The status, the incident id of a success, and the refusal text of anything else.</summary>
    public async Task<(int Status, string? Incident, string? Error)> SendAsync(string user, string channel, string text, string idempotencyKey)
    {
        var http = _replicas[(int)((uint)Interlocked.Increment(ref _next) % (uint)_replicas.Length)];
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/commands")
        {
            Content = JsonContent.Create(new { user = new { id = user, name = user }, channel = new { id = channel, name = channel }, text }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (ApiKey is { Length: > 0 }) request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        string? incident = null, error = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("incident", out var id) && id.ValueKind == JsonValueKind.String) incident = id.GetString();
            if (!response.IsSuccessStatusCode && doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String) error = e.GetString();
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            error = body;
        }
        return ((int)response.StatusCode, response.IsSuccessStatusCode ? incident : null, error);
    }

    public void Dispose()
    {
        foreach (var http in _replicas) http.Dispose();
    }
}
