using System.Text.Json.Nodes;
using ChatOps.Cards;
using ChatOps.Cards.Rendering;
using ChatOps.Cards.Views;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Teams.Cards;

/// <summary>
/// The renderer's Adaptive Card 1.5 plus what only Teams understands: a real mention of the commander
/// (<c>msteams.entities</c>, PROTOCOLS.md B9) and user-specific views of the status card through
/// <c>refresh.userIds</c>: the commander's client refreshes into a card with resolve and close, everybody else
/// sees acknowledge and join (PROTOCOLS.md B4).
/// </summary>
internal static class TeamsCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Verbs only the commander is offered on a Teams status card once a Teams user holds the role.</summary>
    private static readonly HashSet<string> CommanderVerbs = [CardVerbs.Resolve, CardVerbs.Close];

    /// <summary>Verbs pointless for the commander (already on the bridge and in charge).</summary>
    private static readonly HashSet<string> NonCommanderVerbs = [CardVerbs.Acknowledge, CardVerbs.Join];

    /// <summary>The card as everybody sees it; <paramref name="viewerId"/> set renders that person's view (a refresh).</summary>
    public static JsonObject Render(CardView view, Incident? snapshot, string? viewerId = null)
    {
        var commander = TeamsUser(snapshot?.Commander);
        if (view is StatusCardView && commander is not null)
        {
            var isCommander = viewerId is not null && commander.IsSame(new Actor(viewerId, ""));
            var hidden = isCommander ? NonCommanderVerbs : CommanderVerbs;
            view = view with { Actions = [.. view.Actions.Where(a => !hidden.Contains(a.Verb))] };
        }

        var card = AdaptiveCardRenderer.Render(view);
        if (commander is null) return card;

        if (view is StatusCardView && card["refresh"] is JsonObject refresh)
        {
            // Only the commander's client refreshes automatically; everybody else keeps the shared card.
            refresh["userIds"] = new JsonArray(commander.Id);
        }
        if (view is StatusCardView or ReminderView)
        {
            var mention = $"<at>{commander.Name}</at>";
            ((JsonArray)card["body"]!).Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["id"] = "commander-mention",
                ["text"] = $"Commander: {mention}",
                ["wrap"] = true,
            });
            card["msteams"] = new JsonObject
            {
                ["entities"] = new JsonArray(new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = mention,
                    ["mentioned"] = new JsonObject { ["id"] = commander.Id, ["name"] = commander.Name },
                }),
            };
        }
        return card;
    }

    /// <summary>The card without Teams' extensions: what the Adaptive Card 1.5 schema must accept.</summary>
    public static JsonObject WithoutTeamsExtensions(JsonObject card)
    {
        var copy = (JsonObject)card.DeepClone();
        copy.Remove("msteams");
        return copy;
    }

    /// <summary>
    /// Teams user ids are MRIs (<c>29:...</c>, <c>8:orgid:...</c>) or Entra object ids, and the Agents Playground's
    /// users are <c>user-id-N</c>; actors from other surfaces (Slack <c>U0123</c>, console names) cannot be mentioned.
    /// </summary>
    private static Actor? TeamsUser(Actor? actor) =>
        actor is not null && (actor.Id.StartsWith("29:", StringComparison.Ordinal) || actor.Id.StartsWith("8:orgid:", StringComparison.Ordinal) || Guid.TryParse(actor.Id, out _) || actor.Id.StartsWith("user-id-", StringComparison.Ordinal))
            ? actor
            : null;
}
