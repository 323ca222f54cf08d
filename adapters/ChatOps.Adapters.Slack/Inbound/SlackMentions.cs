using System.Text.RegularExpressions;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>
/// Slack writes a mention as <c>&lt;@U123|alice&gt;</c> (or <c>&lt;@U123&gt;</c>) in command text. The command language
/// names users with one word, so a mention becomes <c>@U123</c>; the handler later turns that id into an actor with
/// the user's display name, so the role holder's id matches the id their own clicks carry.
/// </summary>
internal static partial class SlackMentions
{
    public static string Normalize(string text) => Mention().Replace(text, m => "@" + m.Groups["id"].Value);

    /// <summary>The user ids mentioned in <paramref name="text"/>, in order, without repeats.</summary>
    public static IReadOnlyList<string> UserIds(string text) =>
        [.. Mention().Matches(text).Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>True for a Slack user id as it appears after <see cref="Normalize"/> (U... or W... for Enterprise Grid).</summary>
    public static bool IsUserId(string text) => UserId().IsMatch(text);

    /// <summary>Slack's three reserved characters; everything else is literal in mrkdwn.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Undoes Slack's escaping in received text (a typed <c>&lt;</c> arrives as <c>&amp;lt;</c>).</summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"^[UW][A-Z0-9]{2,}$")]
    private static partial Regex UserId();
}
