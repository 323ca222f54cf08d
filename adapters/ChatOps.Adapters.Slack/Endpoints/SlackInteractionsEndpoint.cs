using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Adapters.Slack.Modals;
using ChatOps.Adapters.Slack.Signing;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Cards;
using ChatOps.Cards.Rendering;
using ChatOps.Core.Dispatch;
using ChatOps.Core.Incidents;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Endpoints;

/// <summary>
/// Buttons, modal submissions and the message shortcut. Buttons that need words open a modal in the request (the
/// trigger lives 3 s); a submission is checked here so field errors show in the form (<c>response_action: errors</c>);
/// everything else is recorded and acknowledged.
/// </summary>
internal sealed partial class SlackInteractionsEndpoint(
    SlackSignatureVerifier verifier, SlackInbox inbox, SlackWebApi api, CommandDispatcher dispatcher, ILogger<SlackInteractionsEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        if (await SlackRequest.ReadBodyAsync(context.Request, ct) is not { } body) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (!SlackRequest.IsSigned(context.Request, body, verifier)) return Results.Unauthorized();
        var interaction = SlackInteractionParser.Parse(SlackForm.Parse(body).Get("payload"));
        if (interaction is null) return Results.BadRequest();
        if (!inbox.IsAllowedTeam(interaction.User.TeamId)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        return interaction switch
        {
            BlockAction action => await ButtonAsync(action, body, ct),
            ViewSubmission submission => await SubmissionAsync(submission, body, ct),
            MessageShortcut shortcut when shortcut.CallbackId == SlackVerbs.AddToTimelineShortcut => await ShortcutAsync(shortcut, body, ct),
            _ => Results.Ok(),
        };
    }

    private async Task<IResult> ButtonAsync(BlockAction action, byte[] body, CancellationToken ct)
    {
        if (!SlackVerbs.IsKnown(action.ActionId) || !IncidentId.TryParse(action.Value, out var incident)) return Results.Ok();
        var context = new ModalContext(incident.ToString(), action.ChannelId ?? "");
        if (SlackVerbs.OpensModal(action.ActionId))
        {
            if (action.TriggerId is not { } trigger) return Results.Ok();
            var modal = action.ActionId == CardVerbs.PostmortemSubmit
                ? await PostmortemModalAsync(action, incident, context, ct)
                : SlackModals.ForVerb(action.ActionId, incident.ToString(), context);
            if (modal is null) return Results.Ok();
            try
            {
                await api.OpenViewAsync(trigger, BlockKitRenderer.Modal(modal), ct);
            }
            catch (SlackApiException ex)
            {
                // Slack shows nothing for a button's answer; the person clicks again (a new trigger) once Slack answers.
                LogFormNotOpened(action.ActionId, ex.Error);
            }
            return Results.Ok();
        }
        var commands = CardVerbs.ToCommandTexts(action.ActionId, incident.ToString(), new Dictionary<string, string>());
        var work = new SlackWork(SlackWorkKind.Commands, action.User.TeamId, action.User.UserId, action.User.UserName, action.ChannelId ?? "", commands, action.ResponseUrl);
        await inbox.RecordAsync(SlackInbox.Key("act", action.TriggerId, body), work, ct);
        return Results.Ok();
    }

    /// <summary>The form is pre-filled from the incident as it is now: a read through the dispatcher's query path.</summary>
    private async Task<BlockKitModal?> PostmortemModalAsync(BlockAction action, IncidentId incident, ModalContext context, CancellationToken ct)
    {
        var query = new CommandRequest($"summary {incident}", new Actor(action.User.UserId, action.User.UserName ?? action.User.UserId), context.ChannelId, "slack", $"slack:query:{action.TriggerId}");
        var result = await dispatcher.DispatchTextAsync(query, ct);
        return result.Replies.FirstOrDefault(r => r.Snapshot is not null)?.Snapshot is { } snapshot ? SlackModals.Postmortem(snapshot, context) : null;
    }

    private async Task<IResult> SubmissionAsync(ViewSubmission submission, byte[] body, CancellationToken ct)
    {
        var context = ModalContext.Decode(submission.PrivateMetadata);
        var outcome = submission.CallbackId switch
        {
            SlackVerbs.DeclareCallback => ModalSubmissions.Declare(submission.Values),
            SlackVerbs.PostmortemCallback when context.Incident is { } id => ModalSubmissions.Postmortem(id, submission.Values),
            var callback when SlackVerbs.VerbOf(callback) is { } verb && context.Incident is { } id => ModalSubmissions.ForVerb(verb, id, submission.Values),
            _ => null,
        };
        if (outcome is null) return Results.Ok();
        if (!outcome.IsValid)
        {
            var errors = new JsonObject();
            foreach (var (field, message) in outcome.Errors) errors[field] = message;
            return Results.Json(new JsonObject { ["response_action"] = "errors", ["errors"] = errors });
        }
        var isPrivate = context.Private || submission.Values.GetValueOrDefault(SlackModals.Visibility) == SlackModals.PrivateChoice;
        var work = new SlackWork(SlackWorkKind.Commands, submission.User.TeamId, submission.User.UserId, submission.User.UserName, context.ChannelId, outcome.Commands, Private: isPrivate);
        await inbox.RecordAsync(SlackInbox.Key("view", submission.ViewId + ":" + submission.TriggerId, body), work, ct);
        return Results.Ok();
    }

    private async Task<IResult> ShortcutAsync(MessageShortcut shortcut, byte[] body, CancellationToken ct)
    {
        var work = new SlackWork(SlackWorkKind.TimelineMessage, shortcut.User.TeamId, shortcut.User.UserId, shortcut.User.UserName, shortcut.ChannelId, [],
            shortcut.ResponseUrl, MessageTs: shortcut.MessageTs, MessageText: shortcut.MessageText);
        await inbox.RecordAsync(SlackInbox.Key("shortcut", shortcut.TriggerId, body), work, ct);
        return Results.Ok();
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "The {ActionId} form did not open: Slack views.open failed ({Error})")]
    private partial void LogFormNotOpened(string actionId, string error);
}
