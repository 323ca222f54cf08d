using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Cards.Views;

namespace ChatOps.Cards.Rendering;

public static partial class BlockKitRenderer
{
    /// <summary>
    /// A modal view (<c>views.open</c>): one input block per input, block id and action id both the input id, so a
    /// <c>view_submission</c>'s values and a <c>response_action: errors</c> both speak in input ids.
    /// </summary>
    public static JsonObject Modal(BlockKitModal modal)
    {
        var blocks = new JsonArray();
        if (!string.IsNullOrWhiteSpace(modal.Intro))
        {
            foreach (var section in Sections(modal.Intro)) blocks.Add(section);
        }
        foreach (var input in modal.Inputs.Take(BlockKitLimits.ModalBlocks - blocks.Count))
        {
            blocks.Add(InputBlock(input, modal.Required.Contains(input.Id)));
        }
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = Truncate(modal.CallbackId, BlockKitLimits.ActionId),
            ["title"] = PlainText(modal.Title, BlockKitLimits.ModalTitle),
            ["submit"] = PlainText(modal.Submit, BlockKitLimits.ModalTitle),
            ["close"] = PlainText("Cancel", BlockKitLimits.ModalTitle),
            ["private_metadata"] = Truncate(modal.PrivateMetadata, BlockKitLimits.PrivateMetadata),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject InputBlock(CardInput input, bool required) => new()
    {
        ["type"] = "input",
        ["block_id"] = input.Id,
        ["label"] = PlainText(input.Label, BlockKitLimits.InputLabel),
        ["optional"] = !required,
        ["element"] = Element(input),
    };

    private static JsonObject Element(CardInput input)
    {
        var element = new JsonObject { ["action_id"] = input.Id };
        switch (input)
        {
            case TextInput text:
                element["type"] = "plain_text_input";
                element["multiline"] = text.Multiline;
                if (text.Placeholder is { } placeholder) element["placeholder"] = PlainText(placeholder, BlockKitLimits.Placeholder);
                if (!string.IsNullOrEmpty(text.Value)) element["initial_value"] = Truncate(text.Value, BlockKitLimits.PlainTextInitialValue);
                break;
            case NumberInput number:
                element["type"] = "number_input";
                element["is_decimal_allowed"] = false;
                element["min_value"] = number.Min.ToString(CultureInfo.InvariantCulture);
                element["max_value"] = number.Max.ToString(CultureInfo.InvariantCulture);
                if (number.Value is { } value) element["initial_value"] = decimal.Round(value).ToString("0", CultureInfo.InvariantCulture);
                break;
            case ChoiceInput choice:
                element["type"] = "static_select";
                element["placeholder"] = PlainText("Choose…", BlockKitLimits.Placeholder);
                element["options"] = new JsonArray([.. choice.Choices.Take(BlockKitLimits.SelectOptions).Select(c => (JsonNode)Option(c))]);
                if (choice.Value is { } chosen && choice.Choices.Contains(chosen)) element["initial_option"] = Option(chosen);
                break;
            case DateInput date:
                element["type"] = "datepicker";
                if (date.Value is { } day) element["initial_date"] = day;
                break;
        }
        return element;
    }

    private static JsonObject Option(string choice) => new()
    {
        ["text"] = PlainText(choice, BlockKitLimits.OptionText),
        ["value"] = Truncate(choice, BlockKitLimits.OptionValue),
    };
}
