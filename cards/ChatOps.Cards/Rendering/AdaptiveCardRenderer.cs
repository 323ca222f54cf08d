using System.Text.Json.Nodes;
using ChatOps.Cards.Views;

namespace ChatOps.Cards.Rendering;

/// <summary>
/// Renders a view model to Adaptive Card 1.5 JSON: a pure function, snapshot-tested and validated against the
/// official schema and the official parser. Only schema properties: Teams extensions (<c>msteams</c>) belong
/// to the Teams adapter, which adds them to this output.
/// </summary>
public static partial class AdaptiveCardRenderer
{
    public const string Version = "1.5";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject Render(CardView view)
    {
        var content = CardContent.Of(view);
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = Version,
            ["fallbackText"] = $"{view.IncidentId} {view.Title}: {content.StatusLine}",
            ["body"] = Body(view, content),
        };
        if (view.Actions.Count > 0)
        {
            card["actions"] = new JsonArray([.. view.Actions.Select(a => (JsonNode)Action(a, view.IncidentId))]);
        }
        if (view is StatusCardView)
        {
            // Up-to-date views: an empty userIds list offers a manual refresh only, never an automatic
            // invoke per viewer (the card is already updated in place for everyone).
            card["refresh"] = new JsonObject
            {
                ["action"] = Execute(new CardAction(CardVerbs.Refresh, "Refresh", Primary: false), view.IncidentId, withFallback: false),
                ["userIds"] = new JsonArray(),
            };
        }
        return card;
    }

    private static JsonArray Body(CardView view, CardContent content)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Container",
                ["id"] = "header",
                ["style"] = ContainerStyle(content.Tone),
                ["bleed"] = true,
                ["items"] = new JsonArray
                {
                    Text("kicker", content.Kicker, size: "small", subtle: true),
                    Heading("heading", $"{view.IncidentId} · {view.Title}"),
                    Text("status", content.StatusLine, weight: "bolder", color: TextColor(content.Tone), spacing: "none"),
                },
            },
        };
        for (var i = 0; i < content.Paragraphs.Count; i++)
        {
            body.Add(Text($"paragraph-{i + 1}", content.Paragraphs[i]));
        }
        if (content.Facts.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["id"] = "facts",
                ["facts"] = new JsonArray([.. content.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
            });
        }
        for (var i = 0; i < view.Inputs.Count; i++)
        {
            var input = Input(view.Inputs[i]);
            if (i == 0) input["separator"] = true;
            body.Add(input);
        }
        return body;
    }

    private static string ContainerStyle(CardTone tone) => tone switch
    {
        CardTone.Urgent => "attention",
        CardTone.Warning => "warning",
        CardTone.Good => "good",
        _ => "emphasis",
    };

    private static string TextColor(CardTone tone) => tone switch
    {
        CardTone.Urgent => "attention",
        CardTone.Warning => "warning",
        CardTone.Good => "good",
        _ => "default",
    };
}
