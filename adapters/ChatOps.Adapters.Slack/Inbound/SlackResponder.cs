using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.WebApi;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>
/// Answers the person who sent a command: through the request's <c>response_url</c> (30 min, 5 uses) when there is
/// one, otherwise as an ephemeral message in the channel (modal submissions carry no response URL).
/// </summary>
internal sealed class SlackResponder(HttpClient http, SlackWebApi api)
{
    public async Task RespondAsync(SlackWork work, IReadOnlyList<JsonObject> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            if (work.ResponseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            {
                using var response = await http.PostAsJsonAsync(uri, message, ct).ConfigureAwait(false);
                if ((int)response.StatusCode >= 500) throw new SlackApiException("response_url", $"HTTP {(int)response.StatusCode}", transient: true);
            }
            else if (work.ChannelId.Length > 0)
            {
                await api.PostEphemeralAsync(work.ChannelId, work.UserId, (string?)message["text"] ?? "", ct).ConfigureAwait(false);
            }
        }
    }
}
