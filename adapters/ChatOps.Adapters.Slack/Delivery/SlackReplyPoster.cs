using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Delivery;

/// <summary>
/// Posts one reply to the person who sent a command: to the request's <c>response_url</c> (30 min, 5 uses) when it
/// has one, otherwise as <c>chat.postEphemeral</c> in the channel (modal submissions carry no response URL). The
/// inbound handler tries it at once; a reply that had to wait comes back here from the outbox pump.
/// </summary>
internal sealed partial class SlackReplyPoster(HttpClient http, SlackWebApi api, IOptions<SlackOptions> options, ILogger<SlackReplyPoster> logger)
    : IReplySink
{
    public string Surface => SlackMessageSender.Surface;

    /// <summary>
    /// Returns when Slack took the reply, or refused it for good (logged: nothing would make it take it later). Throws
    /// when Slack could not take it now: a transient <see cref="SlackApiException"/> or an <see cref="HttpRequestException"/>.
    /// </summary>
    public async Task DeliverAsync(QueuedReply reply, CancellationToken ct)
    {
        try
        {
            await PostAsync(reply, ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (!ex.Transient)
        {
            LogRefused(reply.Recipient, reply.Conversation, ex.Error);
        }
    }

    private async Task PostAsync(QueuedReply reply, CancellationToken ct)
    {
        if (reply.Address is { } address && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            await PostToResponseUrlAsync(uri, reply.Body, ct).ConfigureAwait(false);
        }
        else if (reply.Conversation.Length > 0)
        {
            var text = (string?)JsonNode.Parse(reply.Body)?["text"] ?? "";
            await api.PostEphemeralAsync(reply.Conversation, reply.Recipient, text, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Slack answers a response URL with 200, or 404 when it expired or was used five times, 400 for a bad payload:
    /// those are final. 429, 5xx, no connection and no answer in time are worth another try.
    /// </summary>
    private async Task PostToResponseUrlAsync(Uri uri, string body, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.RequestTimeout);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(uri, content, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return;
            var transient = status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests;
            throw new SlackApiException("response_url", $"HTTP {status}", transient);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new SlackApiException("response_url", $"no answer within {options.Value.RequestTimeout.TotalSeconds:0} s", transient: true, ex);
        }
    }

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Slack refused the reply to {UserId} in {ChannelId} for good ({Error}); it is dropped")]
    private partial void LogRefused(string userId, string channelId, string error);
}
