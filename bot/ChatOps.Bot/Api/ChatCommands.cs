using ChatOps.Bot.Live;
using ChatOps.Cards.Composition;
using ChatOps.Cards.Rendering;
using ChatOps.Core.Bridge;
using ChatOps.Core.Dispatch;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Bot.Api;

/// <summary>
/// Runs command texts typed (or clicked) on the HTTP surfaces through the dispatcher and renders the replies. On the
/// web console (a chat surface) accepted exchanges also go into the channel's transcript, so everyone in the channel
/// sees them; the HTTP API is a machine surface whose replies go to the caller only.
/// </summary>
internal sealed class ChatCommands(
    CommandDispatcher dispatcher,
    IConsoleTranscript transcript,
    LiveFeed live,
    TimeProvider clock)
{
    public const string ApiSurface = "api";
    public const string ConsoleSurface = "console";

    public async Task<IResult> RunAsync(IReadOnlyList<string> texts, Actor actor, string channel, string surface, string key, CancellationToken ct)
    {
        var replies = new List<ReplyView>();
        IncidentId? incident = null;
        for (var i = 0; i < texts.Count; i++)
        {
            var commandKey = texts.Count == 1 ? key : $"{key}:{i + 1}";
            var result = await dispatcher.DispatchTextAsync(new CommandRequest(texts[i], actor, channel, surface, commandKey), ct);
            if (result.Outcome != DispatchOutcome.Ok) return Failure(result);

            var views = result.Replies.Select(Render).ToList();
            if (surface == ConsoleSurface) await RecordAsync(commandKey, texts[i], actor, channel, result.Replies, views, ct);
            replies.AddRange(views);
            incident = result.Incident ?? incident;
        }
        live.Raise();
        return ApiResults.Json(new CommandResponse(true, incident?.ToString(), replies));
    }

    public static ReplyView Render(Reply reply) =>
        reply is { Card: { } kind, Snapshot: { } snapshot }
            ? new ReplyView(reply.Text, AdaptiveCardRenderer.Render(CardComposer.Compose(kind, snapshot, reply.Text)))
            : new ReplyView(reply.Text, null);

    private static IResult Failure(DispatchResult result)
    {
        var status = result.Outcome switch
        {
            DispatchOutcome.Invalid => StatusCodes.Status400BadRequest,
            DispatchOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        };
        var body = new CommandResponse(false, result.Incident?.ToString(), null, result.Error ?? "The command was refused.", result.Usage);
        return ApiResults.Json(body, status);
    }

    // Keys derive from the idempotency key, so a redelivered command updates these lines instead of adding more.
    private async Task RecordAsync(string key, string text, Actor actor, string channel, IReadOnlyList<Reply> replies, List<ReplyView> views, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await transcript.UpsertAsync($"cmd:{key}", channel, now, actor.Name, text, null, ct);
        for (var i = 0; i < views.Count; i++)
        {
            // In the incident's own channel the status card is already there, updated in place: a copy would be noise.
            var card = replies[i] is { Card: MessageKind.StatusCard, Snapshot: { } snapshot } && snapshot.Channel == channel ? null : views[i].Card;
            await transcript.UpsertAsync($"reply:{key}:{i}", channel, now, Actor.Bot.Name, views[i].Text, card?.ToJsonString(), ct);
        }
    }
}
