using System.Text.Json.Nodes;

namespace ChatOps.Cards.Rendering;

public static partial class BlockKitRenderer
{
    /// <summary>
    /// Free text (a reply, a timeline, a post-mortem draft) as one or more messages: sections of at most 3000
    /// characters, each message within 50 blocks and a modest total, in reading order.
    /// </summary>
    public static IReadOnlyList<JsonArray> RenderText(string markdown)
    {
        var messages = new List<JsonArray>();
        var current = new JsonArray();
        var size = 0;
        foreach (var section in Sections(Mrkdwn(markdown)))
        {
            var length = section["text"]!["text"]!.GetValue<string>().Length;
            if (current.Count > 0 && (current.Count == BlockKitLimits.MessageBlocks || size + length > BlockKitLimits.MessageTextBudget))
            {
                messages.Add(current);
                current = [];
                size = 0;
            }
            current.Add(section);
            size += length;
        }
        if (current.Count > 0 || messages.Count == 0) messages.Add(current.Count > 0 ? current : [.. Sections(" ")]);
        return messages;
    }

    /// <summary>
    /// The cards' Markdown flavour to Slack mrkdwn: escape Slack's three control characters, <c>**bold**</c> to
    /// <c>*bold*</c>. Mentions the bot writes itself (<c>&lt;@U1&gt;</c>) are not in card text, so nothing is lost.
    /// </summary>
    public static string Mrkdwn(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("**", "*", StringComparison.Ordinal);

    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>Cuts <paramref name="text"/> (already mrkdwn) into chunks of at most <paramref name="max"/>, preferring line breaks, then spaces.</summary>
    public static IEnumerable<string> Split(string text, int max)
    {
        var rest = text.Trim();
        if (rest.Length == 0) yield return " ";
        while (rest.Length > 0)
        {
            if (rest.Length <= max)
            {
                yield return rest;
                yield break;
            }
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut < max / 2) cut = rest.LastIndexOf(' ', max - 1);
            if (cut < max / 2) cut = max;
            // Never split a surrogate pair or an escape sequence like &amp; in two.
            if (char.IsHighSurrogate(rest[cut - 1])) cut--;
            var amp = rest.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
            if (amp >= 0 && rest.IndexOf(';', amp) >= cut) cut = amp;
            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }
    }
}
