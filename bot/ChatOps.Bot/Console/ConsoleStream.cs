using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Api;
using ChatOps.Bot.Delivery;
using ChatOps.Bot.Live;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Console;

/// <summary>
/// The console's live feed over Server-Sent Events. It sends what the transcript holds after the client's last
/// sequence, then sleeps until something is delivered or committed in this process (or the poll interval passes,
/// for writes by another process), and sends a heartbeat now and then so proxies keep the stream open.
/// </summary>
internal static class ConsoleStream
{
    private const int PageSize = 200;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IResult Open(
        long? after,
        HttpContext context,
        IConsoleTranscript transcript,
        LiveFeed feed,
        IHostApplicationLifetime lifetime,
        IOptions<DeliveryOptions> options) =>
        TypedResults.ServerSentEvents(Events(after ?? 0, transcript, feed, options.Value.PollInterval, context.RequestAborted, lifetime.ApplicationStopping));

    private static async IAsyncEnumerable<SseItem<string>> Events(
        long after, IConsoleTranscript transcript, LiveFeed feed, TimeSpan poll,
        CancellationToken requestAborted, CancellationToken stopping, [EnumeratorCancellation] CancellationToken enumeration = default)
    {
        // Ends when the client leaves or the host stops, so shutdown never waits on open streams.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping, enumeration);
        var ct = linked.Token;
        var cursor = after;
        var quiet = TimeSpan.Zero;
        yield return new SseItem<string>("{}", "ready");
        while (!ct.IsCancellationRequested)
        {
            var seen = feed.Version;
            var page = await transcript.ReadAsync(null, cursor, PageSize, ct);
            foreach (var message in page)
            {
                cursor = message.Sequence;
                yield return new SseItem<string>(JsonSerializer.Serialize(View(message), ApiJson.Options), "message") { EventId = message.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
            if (page.Count == PageSize) continue;

            bool raised;
            try
            {
                raised = await feed.WaitAsync(seen, poll, ct);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            if (raised)
            {
                quiet = TimeSpan.Zero;
                yield return new SseItem<string>("{}", "incidents");
            }
            else if ((quiet += poll) >= Heartbeat)
            {
                quiet = TimeSpan.Zero;
                yield return new SseItem<string>("{}", "ping");
            }
        }
    }

    internal static ConsoleMessage View(TranscriptMessage m) =>
        new(m.Sequence, m.MessageKey, m.Channel, m.At, m.Author, m.Text, m.CardJson is null ? null : JsonNode.Parse(m.CardJson));
}
