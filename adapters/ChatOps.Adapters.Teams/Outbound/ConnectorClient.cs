using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Activities;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Teams.Outbound;

/// <summary>
/// The Bot Connector REST calls the bot makes (PROTOCOLS.md B3): send, reply, update in place and create a
/// conversation. Every call waits for its turn in the conversation's budget, carries the bot's token only to
/// allow-listed hosts, and retries 429, 412, 502 and 504 with exponential backoff and jitter.
/// </summary>
internal sealed partial class ConnectorClient(
    HttpClient http,
    IBotTokenSource tokens,
    ServiceUrlPolicy policy,
    ConversationThrottle throttle,
    TimeProvider clock,
    ILogger<ConnectorClient> logger)
{
    public const int MaxAttempts = 5;

    /// <summary>Teams refuses messages over ~100 KB (UTF-16); staying under 80 KB leaves room for its own envelope (PROTOCOLS.md B7).</summary>
    public const int MaxActivityBytes = 80 * 1024;

    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    public Task<string?> SendAsync(ConversationReference to, JsonObject activity, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, to.ServiceUrl, $"v3/conversations/{Escape(to.ConversationId)}/activities", to.ConversationId, activity, "id", ct);

    public Task<string?> ReplyAsync(ConversationReference to, string replyToId, JsonObject activity, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, to.ServiceUrl, $"v3/conversations/{Escape(to.ConversationId)}/activities/{Escape(replyToId)}", to.ConversationId, activity, "id", ct);

    public Task<string?> UpdateAsync(ConversationReference to, string activityId, JsonObject activity, CancellationToken ct)
    {
        activity["id"] = activityId;
        return CallAsync(HttpMethod.Put, to.ServiceUrl, $"v3/conversations/{Escape(to.ConversationId)}/activities/{Escape(activityId)}", to.ConversationId, activity, "id", ct);
    }

    /// <summary>Starts a conversation (a new thread in a channel); returns its id and the first activity's id.</summary>
    public async Task<(string ConversationId, string? ActivityId)> CreateConversationAsync(string serviceUrl, string throttleKey, JsonObject parameters, CancellationToken ct)
    {
        var body = await CallRawAsync(HttpMethod.Post, serviceUrl, "v3/conversations", throttleKey, parameters, ct);
        var id = body?["id"]?.GetValue<string>() ?? throw new TeamsDeliveryException("createConversation answered without a conversation id.", null);
        return (id, body?["activityId"]?.GetValue<string>());
    }

    private async Task<string?> CallAsync(HttpMethod method, string serviceUrl, string path, string throttleKey, JsonObject body, string idField, CancellationToken ct)
    {
        var answer = await CallRawAsync(method, serviceUrl, path, throttleKey, body, ct);
        return answer?[idField] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
    }

    private async Task<JsonObject?> CallRawAsync(HttpMethod method, string serviceUrl, string path, string throttleKey, JsonObject body, CancellationToken ct)
    {
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        var trust = policy.Judge(baseUri);
        if (trust == ServiceUrlTrust.Refused) throw new TeamsDeliveryException($"Service URL host '{baseUri.Host}' is not allowed (Teams:AllowedServiceUrlHosts).", null);
        var json = body.ToJsonString();
        if (Encoding.UTF8.GetByteCount(json) > MaxActivityBytes) throw new TeamsDeliveryException($"The activity is larger than {MaxActivityBytes} bytes.", HttpStatusCode.RequestEntityTooLarge);

        for (var attempt = 1; ; attempt++)
        {
            await throttle.WaitTurnAsync(throttleKey, ct);
            using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (trust == ServiceUrlTrust.WithToken) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct));
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode) return await ReadBodyAsync(response, ct);
            if (!Transient.Contains(response.StatusCode) || attempt >= MaxAttempts)
            {
                var detail = await response.Content.ReadAsStringAsync(ct);
                throw new TeamsDeliveryException($"{method} {path} failed with {(int)response.StatusCode}: {Truncate(detail)}", response.StatusCode);
            }
            var delay = Backoff(attempt, response.Headers.RetryAfter);
            LogRetry((int)response.StatusCode, method.Method, attempt, delay);
            await Task.Delay(delay, clock, ct);
        }
    }

    /// <summary>Retry-After when the service says so, else 1 s, 2 s, 4 s ... plus up to a second of jitter so replicas spread out.</summary>
    internal static TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta && delta > TimeSpan.Zero) return delta;
        var exponential = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
        return exponential + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
    }

    /// <summary>The playground answers replies with 202 and no body (PROTOCOLS.md C1): an empty body is fine.</summary>
    private static async Task<JsonObject?> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Conversation ids hold ';', ':' and '@' (PROTOCOLS.md D14).</summary>
    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Bot Connector answered {Status} to {Method} (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogRetry(int status, string method, int attempt, TimeSpan delay);
}

/// <summary>A Bot Connector call failed for good; the outbox retries the message later.</summary>
public sealed class TeamsDeliveryException(string message, HttpStatusCode? status) : RemoteServiceException(message, null)
{
    public HttpStatusCode? Status { get; } = status;
}
