using System.Net;
using System.Text.RegularExpressions;

namespace ChatOps.Adapters.Teams.Activities;

/// <summary>
/// The command a person typed, without the bot's mention: in channels and group chats Teams puts
/// <c>&lt;at&gt;Bot&lt;/at&gt;</c> into the text (PROTOCOLS.md D13). Mentions of other people stay.
/// </summary>
internal static partial class MentionText
{
    public static string CommandText(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in activity.Entities ?? [])
        {
            if (mention.Type != "mention" || mention.Text is null) continue;
            if (activity.Recipient?.Id is { } botId && !string.Equals(mention.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)) continue;
            text = text.Replace(mention.Text, " ", StringComparison.Ordinal);
        }
        // Some clients send markup (xml text format) around the command; keep only the words.
        text = BotMention().Replace(text, " ");
        text = WebUtility.HtmlDecode(Tags().Replace(text, " "));
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Any <c>&lt;at&gt;</c> left over is the bot's own when the entity is missing (clients differ).</summary>
    [GeneratedRegex("^\\s*<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex BotMention();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
