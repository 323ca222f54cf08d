using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Adapters.Slack.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Endpoints;

/// <summary>
/// The Events API: <c>url_verification</c> answered with the challenge; events recorded under their <c>event_id</c>,
/// so Slack's retries (<c>X-Slack-Retry-Num</c>) are acknowledged and change nothing a second time; <c>app_rate_limited</c>
/// is acknowledged and reported (<see cref="SlackEventLimits"/>).
/// </summary>
internal sealed class SlackEventsEndpoint(SlackSignatureVerifier verifier, SlackInbox inbox, SlackEventLimits limits, IOptions<SlackOptions> options)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        if (await SlackRequest.ReadBodyAsync(context.Request, ct) is not { } body) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (!SlackRequest.IsSigned(context.Request, body, verifier)) return Results.Unauthorized();
        switch (SlackEventParser.Parse(body, options.Value.BotUserId))
        {
            case UrlVerification verification:
                return Results.Json(new JsonObject { ["challenge"] = verification.Challenge });
            case AppRateLimited notice:
                // No event to record, and Slack wants its 200 like any delivery.
                limits.Record(notice);
                return Results.Ok();
            case EventCallback callback when !inbox.IsAllowedTeam(callback.TeamId):
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            case EventCallback callback when ToWork(callback) is { } work:
                await inbox.RecordAsync($"ev:{callback.TeamId}:{callback.EventId}", work, ct);
                return Results.Ok();
            case null:
                return Results.BadRequest();
            default:
                return Results.Ok();
        }
    }

    private SlackWork? ToWork(EventCallback callback) => callback.Event switch
    {
        ReactionAdded r when r.Reaction == options.Value.TimelineReaction.Trim(':') =>
            new SlackWork(SlackWorkKind.TimelineMessage, callback.TeamId, r.UserId, null, r.ChannelId, [], MessageTs: r.MessageTs),
        PinAdded p => new SlackWork(SlackWorkKind.TimelineMessage, callback.TeamId, p.UserId, null, p.ChannelId, [], MessageTs: p.MessageTs, MessageText: p.MessageText),
        MemberJoinedChannel j => new SlackWork(SlackWorkKind.Joined, callback.TeamId, j.UserId, null, j.ChannelId, []),
        _ => null,
    };
}
