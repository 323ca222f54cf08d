using ChatOps.Cards;

namespace ChatOps.Adapters.Slack;

/// <summary>
/// The one file where Slack ids meet card verbs (STYLE.md habit 7): a button's <c>action_id</c> is the card verb
/// itself; modal <c>callback_id</c>s and the message shortcut are named here. Wire contracts: never rename one.
/// </summary>
internal static class SlackVerbs
{
    public const string DeclareCallback = "declare";
    public const string PostmortemCallback = "postmortem";
    /// <summary>Modals asking the words for one verb: <c>verb:update</c>, <c>verb:resolve</c>...</summary>
    public const string VerbCallbackPrefix = "verb:";
    /// <summary>The message shortcut of the manifest.</summary>
    public const string AddToTimelineShortcut = "add_to_timeline";

    public static string VerbCallback(string verb) => VerbCallbackPrefix + verb;

    public static string? VerbOf(string callbackId) =>
        callbackId.StartsWith(VerbCallbackPrefix, StringComparison.Ordinal) ? callbackId[VerbCallbackPrefix.Length..] : null;

    /// <summary>Buttons that need input first: they open a modal (within the trigger's 3 s) instead of running a command.</summary>
    public static bool OpensModal(string verb) => CardVerbs.TakesText(verb) || verb == CardVerbs.PostmortemSubmit;

    public static bool IsKnown(string verb) => CardVerbs.All.Contains(verb);
}
