using ChatOps.Adapters.Teams.Activities;
using ChatOps.Adapters.Teams.Cards;
using ChatOps.Cards;
using ChatOps.Cards.Composition;
using ChatOps.Core.Bridge;
using ChatOps.Core.Dispatch;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Teams.Inbound;

/// <summary>
/// <c>Action.Execute</c> invokes, answered synchronously with the refreshed card (PROTOCOLS.md B4): the verb becomes
/// command texts through <see cref="CardVerbs"/>, each goes through the dispatcher like typed text, and the answer is
/// the incident's current status card as the clicker should see it, or the refusal in words.
/// </summary>
internal sealed class CardActionHandler(CommandDispatcher dispatcher, ConversationDirectory conversations)
{
    public async Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Value is not { } value || !CardActionData.IsExecute(value))
            return InvokeResponse.Error(400, "NotSupported", "Only Action.Execute is supported for adaptiveCard/action.");
        var action = CardActionData.FromInvoke(value);
        if (action is null) return InvokeResponse.Error(400, "BadRequest", "The card action names no verb or incident.");

        var actor = ActorOf(activity);
        var channel = await conversations.NeutralChannelAsync(activity, ct);
        var texts = action.Verb == CardVerbs.Refresh ? [] : CardVerbs.ToCommandTexts(action.Verb, action.IncidentId, action.Inputs);
        if (action.Verb != CardVerbs.Refresh && texts.Count == 0) return InvokeResponse.Error(400, "BadRequest", $"Unknown card action '{action.Verb}'.");

        var key = $"{TeamsSurface.Name}:{activity.Id ?? Guid.NewGuid().ToString("N")}";
        for (var i = 0; i < texts.Count; i++)
        {
            var result = await dispatcher.DispatchTextAsync(new CommandRequest(texts[i], actor, channel, TeamsSurface.Name, $"{key}:{i}"), ct);
            if (result.Outcome != DispatchOutcome.Ok) return InvokeResponse.Message(result.Error ?? "Nothing was changed.");
        }

        var summary = await dispatcher.DispatchTextAsync(new CommandRequest($"summary {action.IncidentId}", actor, channel, TeamsSurface.Name, $"{key}:summary"), ct);
        var reply = summary.Replies.FirstOrDefault(r => r.Card == MessageKind.StatusCard && r.Snapshot is not null);
        if (reply?.Snapshot is not { } snapshot) return InvokeResponse.Message(summary.Error ?? "Done.");
        return InvokeResponse.Card(TeamsCards.Render(CardComposer.StatusCard(snapshot), snapshot, actor.Id));
    }

    public static Actor ActorOf(Activity activity) =>
        new(activity.From?.Id ?? "unknown", string.IsNullOrWhiteSpace(activity.From?.Name) ? activity.From?.Id ?? "unknown" : activity.From.Name);
}
