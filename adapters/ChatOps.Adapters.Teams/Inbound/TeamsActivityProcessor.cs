using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Activities;
using ChatOps.Adapters.Teams.Cards;
using ChatOps.Adapters.Teams.Outbound;
using ChatOps.Cards;
using ChatOps.Cards.Composition;
using ChatOps.Core.Dispatch;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Teams.Inbound;

/// <summary>
/// Works off a recorded activity after it was acknowledged: a typed command (bot mention stripped) or an
/// <c>Action.Submit</c> value goes through the dispatcher and the answer is posted back into the conversation;
/// installation and conversation updates remember where the bot can post. Command idempotency keys derive from the
/// activity id, so processing the same activity again changes nothing.
/// </summary>
public sealed partial class TeamsActivityProcessor : IInboundHandler
{
    private readonly CommandDispatcher _dispatcher;
    private readonly ConversationDirectory _conversations;
    private readonly ConnectorClient _connector;
    private readonly ILogger<TeamsActivityProcessor> _logger;

    internal TeamsActivityProcessor(CommandDispatcher dispatcher, ConversationDirectory conversations, ConnectorClient connector, ILogger<TeamsActivityProcessor> logger)
    {
        _dispatcher = dispatcher;
        _conversations = conversations;
        _connector = connector;
        _logger = logger;
    }

    /// <summary>The surface this processor takes from the inbound queue.</summary>
    public string Surface => TeamsSurface.Name;

    public string ConversationOf(InboundItem item)
    {
        try
        {
            return JsonSerializer.Deserialize<Activity>(item.Payload, ActivityJson.Options)?.Conversation?.Id ?? "";
        }
        catch (JsonException)
        {
            return ""; // HandleAsync fails it with the reason
        }
    }

    public async Task HandleAsync(InboundItem item, CancellationToken ct)
    {
        var activity = JsonSerializer.Deserialize<Activity>(item.Payload, ActivityJson.Options);
        if (activity is null) return;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(activity, ct);
                break;
            case ActivityTypes.ConversationUpdate:
            case ActivityTypes.InstallationUpdate when activity.Action is null || activity.Action.StartsWith("add", StringComparison.OrdinalIgnoreCase):
                await _conversations.RememberAsync(activity, ct);
                break;
            default:
                LogIgnored(activity.Type, activity.Id);
                break;
        }
    }

    private async Task OnMessageAsync(Activity activity, CancellationToken ct)
    {
        var channel = await _conversations.NeutralChannelAsync(activity, ct);
        var actor = CardActionHandler.ActorOf(activity);
        var key = $"{TeamsSurface.Name}:{activity.Id ?? Guid.NewGuid().ToString("N")}";

        IReadOnlyList<string> texts;
        if (string.IsNullOrWhiteSpace(activity.Text) && activity.Value is { } value && CardActionData.FromSubmit(value) is { } submitted)
        {
            // Action.Submit (message-back): the card's verb and inputs, the same registry as Action.Execute.
            texts = CardVerbs.ToCommandTexts(submitted.Verb, submitted.IncidentId, submitted.Inputs);
        }
        else
        {
            var text = MentionText.CommandText(activity);
            texts = text.Length == 0 ? [] : [text];
        }
        if (texts.Count == 0) return;

        var answers = new List<JsonObject>();
        for (var i = 0; i < texts.Count; i++)
        {
            var result = await _dispatcher.DispatchTextAsync(new CommandRequest(texts[i], actor, channel, TeamsSurface.Name, texts.Count == 1 ? key : $"{key}:{i}"), ct);
            answers.Add(Answer(result));
            if (result.Outcome != DispatchOutcome.Ok) break;
        }
        await ReplyAsync(activity, answers, ct);
    }

    private static JsonObject Answer(DispatchResult result)
    {
        if (result.Outcome != DispatchOutcome.Ok)
        {
            var error = result.Error ?? "Nothing was changed.";
            return MessageActivities.Text(result.Usage is null ? error : $"{error}\n\nUsage: `{result.Usage}`");
        }
        var text = string.Join("\n\n", result.Replies.Select(r => r.Text));
        var cardReply = result.Replies.FirstOrDefault(r => r.Card is not null && r.Snapshot is not null);
        if (cardReply is null) return MessageActivities.Text(text);
        var card = TeamsCards.Render(CardComposer.Compose(cardReply.Card!.Value, cardReply.Snapshot!, cardReply.Text), cardReply.Snapshot);
        var activity = MessageActivities.Card(card);
        activity["text"] = text;
        return activity;
    }

    private async Task ReplyAsync(Activity activity, List<JsonObject> answers, CancellationToken ct)
    {
        var to = ConversationReference.Of(activity);
        if (to is null) return;
        foreach (var answer in answers)
        {
            if (activity.Id is { } id && activity.Conversation?.ConversationType != "personal") await _connector.ReplyAsync(to, id, answer, ct);
            else await _connector.SendAsync(to, answer, ct);
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug, Message = "Teams activity of type {Type} ({ActivityId}) needs no work")]
    private partial void LogIgnored(string? type, string? activityId);
}
