using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.Delivery;
using ChatOps.Adapters.Slack.Modals;
using ChatOps.Core.Commands;
using ChatOps.Core.Dispatch;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>
/// Works off recorded Slack requests after the acknowledgement: each becomes commands of the one command language,
/// dispatched under surface "slack" in the neutral channel bound to the Slack channel (or the Slack channel id), and
/// answered to the sender. Idempotency keys derive from the recorded item, so a retried item changes nothing twice.
/// </summary>
internal sealed partial class SlackInboundHandler(
    CommandDispatcher dispatcher,
    IPlatformDirectory directory,
    SlackUsers users,
    SlackResponder responder,
    SlackReplies replies,
    IOptions<SlackOptions> options) : IInboundHandler
{
    public string Surface => SlackMessageSender.Surface;

    internal string NotAnIncidentChannel =>
        $":information_source: *Add to incident timeline* only works in an incident channel (`#{options.Value.IncidentChannelPrefix}-...`). Nothing was added; use it on a message there.";

    public string ConversationOf(InboundItem item)
    {
        try
        {
            return SlackWork.Deserialize(item.Payload).ChannelId;
        }
        catch (JsonException)
        {
            return ""; // HandleAsync fails it with the reason
        }
    }

    public async Task HandleAsync(InboundItem item, CancellationToken ct)
    {
        var work = SlackWork.Deserialize(item.Payload);
        var channel = await directory.FindChannelAsync(Surface, work.ChannelId, ct).ConfigureAwait(false) ?? work.ChannelId;
        if (IsShortcut(work) && !IsIncidentChannel(channel))
        {
            await responder.RespondAsync(work, item.ReceivedAt, [SlackReplies.Ephemeral(NotAnIncidentChannel)], ct).ConfigureAwait(false);
            return;
        }
        var actor = await users.ActorAsync(work.UserId, work.UserName, ct).ConfigureAwait(false);
        var commands = work.Kind switch
        {
            SlackWorkKind.Commands => work.Commands,
            SlackWorkKind.TimelineMessage when IsIncidentChannel(channel) => [await TimelineNoteAsync(work, ct).ConfigureAwait(false)],
            SlackWorkKind.Joined when IsIncidentChannel(channel) && work.UserId != options.Value.BotUserId => ["note joined the incident channel"],
            _ => [],
        };

        IncidentId? declared = null;
        for (var i = 0; i < commands.Count; i++)
        {
            var text = commands[i];
            if (text.Contains(ModalSubmissions.NewIncident, StringComparison.Ordinal))
            {
                if (declared is null) continue;
                text = text.Replace(ModalSubmissions.NewIncident, declared.ToString(), StringComparison.Ordinal);
            }
            var result = await DispatchAsync(text, actor, channel, $"slack:{item.DedupeKey}:{i}", work.Private, ct).ConfigureAwait(false);
            if (result.Outcome == DispatchOutcome.Ok && i == 0 && text.StartsWith("declare", StringComparison.OrdinalIgnoreCase)) declared = result.Incident;
            if (work.Kind == SlackWorkKind.Commands || (IsShortcut(work) && result.Outcome != DispatchOutcome.Ok)) await responder.RespondAsync(work, item.ReceivedAt, replies.For(result), ct).ConfigureAwait(false);
        }
    }

    private async Task<DispatchResult> DispatchAsync(string text, Actor actor, string channel, string key, bool isPrivate, CancellationToken ct)
    {
        var parsed = CommandParser.Parse(SlackMentions.Normalize(SlackMentions.Unescape(text)));
        if (!parsed.IsSuccess) return DispatchResult.Invalid(parsed.Error!, parsed.Usage);
        var command = parsed.Command!;
        if (command is AssignRole { User.Id: var id } role && SlackMentions.IsUserId(id))
        {
            command = role with { User = await users.ActorAsync(id, null, ct).ConfigureAwait(false) };
        }
        // The choice travels in the command into the committed snapshot, atomically with the declare itself.
        if (command is DeclareIncident declare && isPrivate) command = declare with { PrivateChannel = true };
        return await dispatcher.DispatchAsync(new CommandEnvelope(command, actor, channel, Surface, key), ct).ConfigureAwait(false);
    }

    private async Task<string> TimelineNoteAsync(SlackWork work, CancellationToken ct)
    {
        var text = work.MessageText ?? await replies.MessageTextAsync(work.ChannelId, work.MessageTs!, ct).ConfigureAwait(false) ?? "(a message without text)";
        return "note From the channel: " + Whitespace().Replace(SlackMentions.Unescape(text), " ").Trim();
    }

    /// <summary>Of timeline work only the message shortcut carries a response URL: its user is answered; reactions and pins stay silent.</summary>
    private static bool IsShortcut(SlackWork work) => work.Kind == SlackWorkKind.TimelineMessage && work.ResponseUrl is not null;

    private bool IsIncidentChannel(string channel) => SlackChannels.IsIncidentChannel(channel, options.Value.IncidentChannelPrefix);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
