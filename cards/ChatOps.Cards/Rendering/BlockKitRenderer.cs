using System.Text.Json.Nodes;
using ChatOps.Cards.Views;

namespace ChatOps.Cards.Rendering;

/// <summary>
/// Renders a view model to Slack Block Kit: a pure function from the same <see cref="CardContent"/> as the Adaptive
/// Card renderer, so both platforms say the same thing. Buttons carry the card verb as <c>action_id</c> and the
/// incident id as <c>value</c>; inputs are not put in messages (Slack handles them poorly there): a button whose
/// command needs words opens a modal (<see cref="Modal"/>) instead.
/// </summary>
public static partial class BlockKitRenderer
{
    public const string ActionsBlockId = "actions";

    public static JsonArray Render(CardView view)
    {
        var content = CardContent.Of(view);
        var blocks = new List<JsonObject>
        {
            Header($"{view.IncidentId} · {view.Title}"),
            Context($"{ToneEmoji(content.Tone)} {Mrkdwn(content.Kicker)} · *{Mrkdwn(content.StatusLine)}*"),
        };
        foreach (var paragraph in content.Paragraphs) blocks.AddRange(Sections(Mrkdwn(paragraph)));
        blocks.AddRange(FactSections(content.Facts));
        if (view is PostmortemPromptView pm) blocks.AddRange(Sections(PostmortemHelp(pm)));

        var actions = view.Actions.Count > 0 ? Actions(view) : null;
        return new JsonArray([.. Fit(blocks, actions).Select(b => (JsonNode)b)]);
    }

    /// <summary>The message's <c>text</c>: what notifications and clients without blocks show.</summary>
    public static string FallbackText(CardView view)
    {
        var content = CardContent.Of(view);
        return Truncate($"{view.IncidentId} · {view.Title}: {content.StatusLine}", BlockKitLimits.SectionText);
    }

    /// <summary>Keeps within 50 blocks: the actions stay last; what does not fit is named, not silently dropped.</summary>
    private static List<JsonObject> Fit(List<JsonObject> blocks, JsonObject? actions)
    {
        var room = BlockKitLimits.MessageBlocks - (actions is null ? 0 : 1);
        if (blocks.Count > room)
        {
            var dropped = blocks.Count - (room - 1);
            blocks = [.. blocks.Take(room - 1), Context($"… {dropped} more blocks were left out to stay within Slack's limits.")];
        }
        if (actions is not null) blocks.Add(actions);
        return blocks;
    }

    private static string ToneEmoji(CardTone tone) => tone switch
    {
        CardTone.Urgent => ":red_circle:",
        CardTone.Warning => ":large_orange_circle:",
        CardTone.Good => ":large_green_circle:",
        _ => ":white_circle:",
    };

    private static string PostmortemHelp(PostmortemPromptView view) =>
        $"Use *Submit post-mortem* to answer in a form, or type `/incident postmortem {view.IncidentId} summary <text>`, " +
        $"`/incident rootcause {view.IncidentId} <category> <text>`, `/incident followup {view.IncidentId} <owner> <yyyy-mm-dd> <text>`.";
}
