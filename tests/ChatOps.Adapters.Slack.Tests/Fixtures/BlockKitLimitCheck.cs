using System.Text.Json.Nodes;
using ChatOps.Cards.Rendering;

namespace ChatOps.Adapters.Slack.Tests.Fixtures;

/// <summary>Walks rendered Block Kit and lists every limit of PROTOCOLS.md A10 it breaks; independent of the renderer's code.</summary>
internal static class BlockKitLimitCheck
{
    public static List<string> Message(JsonArray blocks)
    {
        var errors = new List<string>();
        if (blocks.Count > 50) errors.Add($"{blocks.Count} blocks in a message (max 50)");
        if (blocks.Count == 0) errors.Add("a message without blocks");
        foreach (var block in blocks) Block(block!.AsObject(), errors);
        return errors;
    }

    public static List<string> Modal(JsonObject view)
    {
        var errors = new List<string>();
        var blocks = view["blocks"]!.AsArray();
        if (blocks.Count > 100) errors.Add($"{blocks.Count} blocks in a modal (max 100)");
        foreach (var key in new[] { "title", "submit", "close" })
        {
            Max(errors, $"modal {key}", view[key]?["text"], 24);
        }
        Max(errors, "private_metadata", view["private_metadata"], 3000);
        Max(errors, "callback_id", view["callback_id"], 255);
        if (view.ToJsonString().Length > 250_000) errors.Add("view larger than 250 kB");
        foreach (var block in blocks) Block(block!.AsObject(), errors);
        return errors;
    }

    private static void Block(JsonObject block, List<string> errors)
    {
        var type = (string)block["type"]!;
        Max(errors, "block_id", block["block_id"], 255);
        switch (type)
        {
            case "header":
                Max(errors, "header text", block["text"]!["text"], 150);
                break;
            case "section":
                Max(errors, "section text", block["text"]?["text"], 3000);
                if (block["fields"] is JsonArray fields)
                {
                    if (fields.Count > 10) errors.Add($"{fields.Count} section fields (max 10)");
                    foreach (var f in fields) Max(errors, "field text", f!["text"], 2000);
                }
                if (block["text"] is null && block["fields"] is null) errors.Add("section without text or fields");
                break;
            case "context":
                if (block["elements"]!.AsArray().Count > 10) errors.Add("more than 10 context elements");
                foreach (var e in block["elements"]!.AsArray()) Max(errors, "context text", e!["text"], 3000);
                break;
            case "actions":
                var elements = block["elements"]!.AsArray();
                if (elements.Count > 25) errors.Add("more than 25 action elements");
                var ids = elements.Select(e => (string?)e!["action_id"]).ToList();
                if (ids.Distinct().Count() != ids.Count) errors.Add("duplicate action_id in one actions block");
                foreach (var e in elements)
                {
                    Max(errors, "button text", e!["text"]!["text"], 75);
                    Max(errors, "button value", e["value"], 2000);
                    Max(errors, "action_id", e["action_id"], 255);
                }
                break;
            case "input":
                Max(errors, "input label", block["label"]!["text"], 2000);
                var element = block["element"]!;
                Max(errors, "placeholder", element["placeholder"]?["text"], 150);
                Max(errors, "initial_value", element["initial_value"], 3000);
                if (element["options"] is JsonArray options)
                {
                    if (options.Count > 100) errors.Add("more than 100 options");
                    foreach (var o in options)
                    {
                        Max(errors, "option text", o!["text"]!["text"], 75);
                        Max(errors, "option value", o["value"], 150);
                    }
                }
                break;
            default:
                errors.Add($"unexpected block type {type}");
                break;
        }
    }

    private static void Max(List<string> errors, string what, JsonNode? value, int max)
    {
        if (value is null) return;
        var text = value.GetValue<string>();
        if (text.Length > max) errors.Add($"{what} of {text.Length} characters (max {max})");
        if (max <= 3000 && text.Length == 0) errors.Add($"{what} is empty");
    }

    public static int TotalTextLength(JsonArray blocks) =>
        blocks.Sum(b => ((string?)b!["text"]?["text"])?.Length ?? 0);

    public static readonly int Budget = BlockKitLimits.MessageTextBudget;
}
