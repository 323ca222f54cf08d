using System.Text.Json.Nodes;
using ChatOps.Cards.Views;

namespace ChatOps.Cards.Rendering;

public static partial class BlockKitRenderer
{
    private static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(text, BlockKitLimits.HeaderText),
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(mrkdwn, BlockKitLimits.SectionText) } },
    };

    /// <summary>One section per 3000 characters: a long paragraph becomes several sections, cut at line or word ends.</summary>
    private static IEnumerable<JsonObject> Sections(string mrkdwn) =>
        Split(mrkdwn, BlockKitLimits.SectionText).Select(chunk => new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = chunk },
        });

    /// <summary>Facts as two-column section fields, ten per section.</summary>
    private static IEnumerable<JsonObject> FactSections(IReadOnlyList<CardFact> facts) =>
        facts.Chunk(BlockKitLimits.SectionFields).Select(group => new JsonObject
        {
            ["type"] = "section",
            ["fields"] = new JsonArray([.. group.Select(f => (JsonNode)new JsonObject
            {
                ["type"] = "mrkdwn",
                ["text"] = Truncate($"*{Mrkdwn(f.Label)}*\n{Mrkdwn(f.Value)}", BlockKitLimits.FieldText),
            })]),
        });

    private static JsonObject Actions(CardView view) => new()
    {
        ["type"] = "actions",
        ["block_id"] = ActionsBlockId,
        ["elements"] = new JsonArray([.. view.Actions.Take(BlockKitLimits.ActionElements).Select(a => (JsonNode)Button(a, view.IncidentId))]),
    };

    private static JsonObject Button(CardAction action, string incidentId)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = Truncate(action.Verb, BlockKitLimits.ActionId),
            ["text"] = PlainText(action.Title, BlockKitLimits.ButtonText),
            ["value"] = Truncate(incidentId, BlockKitLimits.ButtonValue),
        };
        if (action.Primary) button["style"] = "primary";
        return button;
    }

    private static JsonObject PlainText(string text, int max) => new()
    {
        ["type"] = "plain_text",
        ["text"] = Truncate(text.Length == 0 ? " " : text, max),
        ["emoji"] = true,
    };
}
