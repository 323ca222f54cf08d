using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>
/// Answers the person who sent a command: through the request's <c>response_url</c> (30 min, 5 uses) when there is
/// one, otherwise as an ephemeral message in the channel (modal submissions carry no response URL).
/// </summary>
internal sealed partial class SlackResponder(HttpClient http, SlackWebApi api, ILogger<SlackResponder> logger)
{
    /// <summary>
    /// Best effort: the command is already committed and its durable effects are in the outbox, so a reply that cannot
    /// be delivered is logged, never a reason to run the work item again.
    /// </summary>
    public async Task RespondAsync(SlackWork work, IReadOnlyList<JsonObject> messages, CancellationToken ct)
    {
        try
        {
            await SendAsync(work, messages, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or SlackApiException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // One line, no stack trace: these are network and Slack failures, not bugs.
            LogReplyFailed(work.UserId, work.ChannelId, ex.Message);
        }
    }

    private async Task SendAsync(SlackWork work, IReadOnlyList<JsonObject> messages, CancellationToken ct)
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

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "The reply to {UserId} in {ChannelId} could not be delivered: {Reason}")]
    private partial void LogReplyFailed(string userId, string channelId, string reason);
}
