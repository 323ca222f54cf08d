using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Cards;
using ChatOps.Cards.Rendering;
using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Teams.Outbound;

/// <summary>Outbound message activities: a card as an Adaptive Card attachment, a notice as text, and a text fallback when a card is too large.</summary>
internal static class MessageActivities
{
    /// <summary>Plain text stays far below Teams' limit; longer text is cut with a marker.</summary>
    public const int MaxTextLength = 20_000;

    public static JsonObject For(MessageKind kind, CardView view, Incident? snapshot)
    {
        if (kind == MessageKind.Notice) return Text(AdaptiveCardRenderer.RenderText(view));
        var card = TeamsCards.Render(view, snapshot);
        var activity = Card(card);
        return Encoding.UTF8.GetByteCount(activity.ToJsonString()) <= ConnectorClient.MaxActivityBytes
            ? activity
            : Text(AdaptiveCardRenderer.RenderText(view));
    }

    public static JsonObject Card(JsonObject card) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = TeamsCards.ContentType, ["content"] = card }),
    };

    public static JsonObject Text(string text) => new()
    {
        ["type"] = "message",
        ["textFormat"] = "markdown",
        ["text"] = text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "\n\n(cut: the full text is on the web console)",
    };
}
