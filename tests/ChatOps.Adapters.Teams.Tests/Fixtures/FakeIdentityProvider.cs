using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatOps.Adapters.Teams.Tests.Fixtures;

/// <summary>
/// Stands in for login.microsoftonline.com behind MSAL's HTTP client: answers instance discovery and the token
/// endpoint, and keeps the form fields of every token request so a test can inspect what MSAL sent.
/// </summary>
internal sealed class FakeIdentityProvider : HttpMessageHandler
{
    public const string AccessToken = "issued-by-fake-idp";

    public List<(Uri Uri, Dictionary<string, string> Form)> TokenRequests { get; } = [];

    public List<Uri> AllRequests { get; } = [];

    /// <summary>When set, token answers wait for it: lets a test keep a token request in flight.</summary>
    public TaskCompletionSource? HoldTokens { get; set; }

    public TaskCompletionSource FirstTokenRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        lock (AllRequests) AllRequests.Add(uri);
        if (uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var form = QueryHelpers.ParseQuery(body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
            lock (TokenRequests) TokenRequests.Add((uri, form));
            FirstTokenRequest.TrySetResult();
            if (HoldTokens is { } hold) await hold.Task.WaitAsync(cancellationToken);
            return Json($$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"{{AccessToken}}"}""");
        }
        if (uri.AbsolutePath.Contains("/discovery/instance", StringComparison.Ordinal))
        {
            return Json($$"""
                {"tenant_discovery_endpoint":"https://{{uri.Host}}/tenant/v2.0/.well-known/openid-configuration","api-version":"1.1",
                 "metadata":[{"preferred_network":"{{uri.Host}}","preferred_cache":"{{uri.Host}}","aliases":["{{uri.Host}}"]}]}
                """);
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent($"not faked: {uri}") };
    }

    private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
