using System.Text.Json.Nodes;
using ChatOps.Cards.Views;

namespace ChatOps.Cards.Rendering;

public static partial class AdaptiveCardRenderer
{
    private static JsonObject Text(string id, string text, string? size = null, string? weight = null, string? color = null,
        bool subtle = false, string? spacing = null)
    {
        // Every block wraps: on a phone a clipped line hides exactly the words that matter.
        var block = new JsonObject { ["type"] = "TextBlock", ["id"] = id, ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        if (subtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    private static JsonObject Heading(string id, string text)
    {
        var block = Text(id, text, size: "large", weight: "bolder", spacing: "none");
        block["style"] = "heading";
        return block;
    }

    private static JsonObject Input(CardInput input)
    {
        var json = new JsonObject { ["type"] = TypeOf(input), ["id"] = input.Id, ["label"] = input.Label };
        return input switch
        {
            TextInput t => WithOptional(json, ("placeholder", t.Placeholder), ("value", t.Value), ("isMultiline", t.Multiline ? true : null)),
            NumberInput n => WithOptional(json, ("min", n.Min), ("max", n.Max), ("value", n.Value is { } v ? (double)v : null)),
            ChoiceInput c => WithOptional(json,
                ("style", "compact"),
                ("placeholder", "Choose one"),
                ("choices", new JsonArray([.. c.Choices.Select(v => (JsonNode)new JsonObject { ["title"] = v, ["value"] = v })])),
                ("value", c.Value)),
            DateInput d => WithOptional(json, ("value", d.Value)),
            _ => json,
        };
    }

    private static string TypeOf(CardInput input) => input switch
    {
        NumberInput => "Input.Number",
        ChoiceInput => "Input.ChoiceSet",
        DateInput => "Input.Date",
        _ => "Input.Text",
    };

    private static JsonObject WithOptional(JsonObject json, params (string Name, JsonNode? Value)[] properties)
    {
        foreach (var (name, value) in properties)
        {
            if (value is not null) json[name] = value;
        }
        return json;
    }
}
