using System.Text;
using ChatOps.Cards.Views;

namespace ChatOps.Cards.Rendering;

public static partial class AdaptiveCardRenderer
{
    private static readonly IReadOnlyDictionary<string, string> TextPlaceholder =
        new Dictionary<string, string> { [CardVerbs.Inputs.Text] = "<text>" };

    /// <summary>
    /// The same card as Markdown-flavoured plain text (API replies, console, clients without cards). Each
    /// button is shown with the command that does the same thing, so the text is fully usable on its own.
    /// </summary>
    public static string RenderText(CardView view)
    {
        var content = CardContent.Of(view);
        var text = new StringBuilder()
            .Append(content.Kicker).Append(": **").Append(view.IncidentId).Append(" · ").Append(view.Title).Append("**\n")
            .Append(content.StatusLine).Append('\n');
        foreach (var paragraph in content.Paragraphs) text.Append('\n').Append(paragraph).Append('\n');
        if (content.Facts.Count > 0) text.Append('\n');
        foreach (var fact in content.Facts) text.Append("- ").Append(fact.Label).Append(": ").Append(fact.Value).Append('\n');
        if (view is PostmortemPromptView) AppendPostmortemHelp(text, view.IncidentId);
        var commands = view.Actions
            .Where(a => a.Verb != CardVerbs.PostmortemSubmit)
            .Select(a => $"{a.Title}: `{CardVerbs.ToCommandTexts(a.Verb, view.IncidentId, TextPlaceholder)[0]}`")
            .ToList();
        if (commands.Count > 0) text.Append("\nActions: ").Append(string.Join(" · ", commands)).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    private static void AppendPostmortemHelp(StringBuilder text, string id) => text
        .Append("\nAnswer with:\n")
        .Append($"- `postmortem {id} summary <text>` (also `contributing`, `went-well`, `improve`)\n")
        .Append($"- `impact {id} --users <pct> --function <pct>`\n")
        .Append($"- `rootcause {id} <{string.Join('|', Composition.CardComposer.RootCauseCategories)}> <text>`\n")
        .Append($"- `followup {id} <owner> <yyyy-mm-dd> <text>` or `nofollowup {id} <reason>`\n");
}
