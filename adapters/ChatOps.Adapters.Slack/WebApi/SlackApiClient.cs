using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.WebApi;

/// <summary>
/// The Slack Web API over <see cref="HttpClient"/>: <c>POST {ApiBaseUrl}{method}</c> with a JSON body and the bot token
/// as a Bearer header. Checks <c>ok</c> on every answer (Slack reports failures as HTTP 200 + <c>ok:false</c>), waits out
/// 429s per method, and retries 5xx and network faults with exponential backoff before giving up to the outbox.
/// </summary>
internal sealed partial class SlackApiClient(HttpClient http, SlackRateGate gate, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackApiClient> logger)
{
    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
    private readonly SlackOptions _options = options.Value;

    /// <summary>A write method with a JSON body (<c>chat.postMessage</c>, <c>conversations.create</c>...).</summary>
    public Task<JsonElement> CallAsync(string method, JsonObject arguments, CancellationToken ct) =>
        SendAsync(method, () => JsonBody(arguments), ct);

    /// <summary>
    /// For a call that must not be made twice (<c>chat.postMessage</c>): a 429 is waited out (Slack did nothing), but
    /// any other failure is reported at once as transient, without trying again here: Slack may have carried the call out
    /// although its answer was lost, and the caller looks before it repeats it.
    /// </summary>
    public Task<JsonElement> CallWithoutRepeatAsync(string method, JsonObject arguments, CancellationToken ct) =>
        SendAsync(method, () => JsonBody(arguments), ct, repeatFailures: false);

    /// <summary>A read method: Slack documents these with form arguments (<c>users.info</c>, <c>conversations.history</c>).</summary>
    public Task<JsonElement> CallFormAsync(string method, IReadOnlyDictionary<string, string> arguments, CancellationToken ct) =>
        SendAsync(method, () => new FormUrlEncodedContent(arguments), ct);

    /// <summary>
    /// One attempt that must end within <paramref name="within"/>, for a call Slack's user is waiting on during the
    /// acknowledgement (<c>views.open</c>: its trigger lives 3 s). A late answer is no use, so there is no retry and no
    /// waiting out a 429: every failure is reported at once as a transient <see cref="SlackApiException"/>.
    /// </summary>
    public async Task<JsonElement> CallOnceAsync(string method, JsonObject arguments, TimeSpan within, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(within, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            return await TryOnceAsync(method, JsonBody(arguments), linked.Token).ConfigureAwait(false) switch
            {
                Answer answer => answer.Body,
                RateLimited => throw new SlackApiException(method, "ratelimited", transient: true),
                Failed failed => throw new SlackApiException(method, failed.Why, transient: true, failed.Exception),
                _ => throw new UnreachableException(),
            };
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new SlackApiException(method, $"no answer within {within.TotalSeconds:0.#} s", transient: true, ex);
        }
    }

    private async Task<JsonElement> SendAsync(string method, Func<HttpContent> content, CancellationToken ct, bool repeatFailures = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            await gate.WaitForMethodAsync(method, ct).ConfigureAwait(false);
            var outcome = await TryOnceAsync(method, content(), ct).ConfigureAwait(false);
            switch (outcome)
            {
                case Answer answer:
                    return answer.Body;
                case RateLimited limited:
                    // Not an attempt that failed: Slack asked us to wait, and the call is retried after the pause.
                    LogRateLimited(method, limited.RetryAfter);
                    await gate.PauseAsync(method, limited.RetryAfter, ct).ConfigureAwait(false);
                    attempt--;
                    break;
                case Failed failed when attempt >= _options.MaxAttempts || !repeatFailures:
                    throw new SlackApiException(method, failed.Why, transient: true, failed.Exception);
                case Failed failed:
                    var backoff = TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1));
                    LogRetrying(method, failed.Why, attempt, backoff);
                    await Task.Delay(backoff, clock, ct).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task<Outcome> TryOnceAsync(string method, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.ApiBaseUrl, method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return new RateLimited(RetryAfter(response));
            if ((int)response.StatusCode >= 500) return new Failed($"HTTP {(int)response.StatusCode}", null);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            // Slack answers its refusals as HTTP 200 + ok:false; any other 4xx is not Slack's word (a proxy, a wrong
            // ApiBaseUrl), so the outbox keeps the message and tries again rather than giving it up.
            if (!response.IsSuccessStatusCode) throw new SlackApiException(method, $"HTTP {(int)response.StatusCode}", transient: true);
            var body = JsonDocument.Parse(text).RootElement.Clone();
            if (body.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True) return new Answer(body);
            var error = body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unknown_error";
            throw new SlackApiException(method, error, transient: error is "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" or "ratelimited");
        }
        catch (HttpRequestException ex)
        {
            return new Failed(ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return new Failed($"no answer within {_options.RequestTimeout.TotalSeconds:0} s", ex);
        }
        catch (JsonException ex)
        {
            return new Failed("an answer that is not JSON", ex);
        }
    }

    private static StringContent JsonBody(JsonObject arguments) =>
        new(arguments.ToJsonString(), Encoding.UTF8) { Headers = { ContentType = Json } };

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        return TimeSpan.FromSeconds(1);
    }

    private abstract record Outcome;
    private sealed record Answer(JsonElement Body) : Outcome;
    private sealed record RateLimited(TimeSpan RetryAfter) : Outcome;
    private sealed record Failed(string Why, Exception? Exception) : Outcome;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Slack rate-limited {Method}; pausing it for {RetryAfter}")]
    private partial void LogRateLimited(string method, TimeSpan retryAfter);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Slack {Method} failed ({Why}), attempt {Attempt}; retrying in {Backoff}")]
    private partial void LogRetrying(string method, string why, int attempt, TimeSpan backoff);
}
