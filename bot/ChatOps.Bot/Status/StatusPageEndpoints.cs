using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ChatOps.Bot.Delivery;
using ChatOps.Bot.Live;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Status;

/// <summary>
/// The stakeholder status page: server-rendered HTML (readable without script, on a phone), public like any status
/// page, refreshed live by a small script that listens to <c>/status/stream</c> and swaps in <c>?fragment=true</c>.
/// </summary>
internal static class StatusPageEndpoints
{
    private static readonly TimeSpan RecentlyResolved = TimeSpan.FromDays(3);

    public static void MapStatusPage(this IEndpointRouteBuilder app)
    {
        var status = app.MapGroup("/status").ExcludeFromDescription();
        status.MapGet("/", ListAsync);
        status.MapGet("/stream", Stream);
        status.MapGet("/{id:regex(^(?i)inc-\\d+$)}", DetailAsync);
    }

    private static async Task<IResult> ListAsync(bool? fragment, IIncidentStore store, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await store.ListAsync(new IncidentQuery(), ct);
        var open = all.Where(i => i.Status.IsOpen()).OrderBy(i => i.Severity).ThenByDescending(i => i.Id.Number).ToList();
        var recent = all.Where(i => !i.Status.IsOpen() && i.ResolvedAt is { } at && now - at <= RecentlyResolved)
            .OrderByDescending(i => i.ResolvedAt).ToList();
        var main = StatusHtml.List(open, recent, now);
        return Html(fragment == true ? main : StatusHtml.Page("Service status", main));
    }

    private static async Task<IResult> DetailAsync(string id, bool? fragment, IIncidentStore store, TimeProvider clock, CancellationToken ct)
    {
        if (!IncidentId.TryParse(id, out var parsed) || await store.GetAsync(parsed, ct) is not { } incident)
            return Html(StatusHtml.Page("Not found", StatusHtml.NotFound(id)), StatusCodes.Status404NotFound);
        var timeline = await store.GetTimelineAsync(incident.Id, ct);
        var main = StatusHtml.Detail(incident, timeline, clock.GetUtcNow());
        return Html(fragment == true ? main : StatusHtml.Page($"{incident.Id} · {incident.Title}", main));
    }

    private static IResult Stream(HttpContext context, LiveFeed feed, IHostApplicationLifetime lifetime, IOptions<DeliveryOptions> options) =>
        TypedResults.ServerSentEvents(Changes(feed, options.Value.PollInterval, context.RequestAborted, lifetime.ApplicationStopping));

    /// <summary>Says "changed" whenever a command commits or a message is delivered; the page then fetches its fragment.</summary>
    private static async IAsyncEnumerable<SseItem<string>> Changes(
        LiveFeed feed, TimeSpan poll, CancellationToken requestAborted, CancellationToken stopping, [EnumeratorCancellation] CancellationToken enumeration = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping, enumeration);
        var ct = linked.Token;
        yield return new SseItem<string>("{}", "ready");
        var seen = feed.Version;
        var quiet = 0;
        while (!ct.IsCancellationRequested)
        {
            bool raised;
            try
            {
                raised = await feed.WaitAsync(seen, poll, ct);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            seen = feed.Version;
            if (raised) yield return new SseItem<string>("{}", "changed");
            // Polling fallback: another process may have written; a quiet refresh now and then costs little.
            else if (++quiet % 8 == 0) yield return new SseItem<string>("{}", "ping");
        }
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
