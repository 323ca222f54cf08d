using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ChatOps.Cards;

/// <summary>
/// The one registry of card verbs and input ids. A card button carries a stable verb; when it comes back
/// (Action.Execute invoke or Action.Submit message) the adapter turns it into text of the one command
/// language with <see cref="ToCommandTexts"/>, so a button goes the same way through parser and bridge as
/// typed text and gets the same refusals and usage lines. Verbs are wire contracts: never rename one.
/// </summary>
public static partial class CardVerbs
{
    public const string Acknowledge = "ack";
    /// <summary>
    /// Joining cannot be a role assignment: the card knows no user name, and the adapter would have to invent
    /// one. So it becomes a note "joined the bridge"; the note's actor (the clicker) is who joined.
    /// </summary>
    public const string Join = "join";
    public const string StatusInvestigating = "status-investigating";
    public const string StatusIdentified = "status-identified";
    public const string StatusMonitoring = "status-monitoring";
    public const string Update = "update";
    public const string Note = "note";
    public const string Resolve = "resolve";
    public const string Validate = "validate";
    public const string Close = "close";
    public const string Reopen = "reopen";
    public const string Cancel = "cancel";
    public const string HandOff = "handoff";
    public const string PostmortemSubmit = "postmortem-submit";
    public const string PostmortemDraft = "postmortem-draft";
    public const string Timeline = "timeline";
    /// <summary>The Adaptive Card refresh (up-to-date views): answers with the current status card.</summary>
    public const string Refresh = "refresh";

    /// <summary>Data keys every action carries beside the submitted inputs.</summary>
    public const string VerbKey = "verb";
    public const string IncidentKey = "incident";

    /// <summary>Input ids; they share one namespace with <see cref="VerbKey"/> and <see cref="IncidentKey"/> in the submitted data.</summary>
    public static class Inputs
    {
        public const string Text = "text";
        public const string Summary = "pmSummary";
        public const string UsersPercent = "pmUsersPct";
        public const string FunctionPercent = "pmFunctionPct";
        public const string ImpactNote = "pmImpactNote";
        public const string Category = "pmCategory";
        public const string RootCause = "pmRootCause";
        public const string Contributing = "pmContributing";
        public const string WentWell = "pmWentWell";
        public const string Improve = "pmImprove";
        public const string FollowUpOwner = "pmFollowUpOwner";
        public const string FollowUpDue = "pmFollowUpDue";
        public const string FollowUpText = "pmFollowUpText";
        public const string NoFollowUpReason = "pmNoFollowUpReason";
    }

    /// <summary>Verb -> command text builder (incident id, inputs). Single-command verbs only.</summary>
    private static readonly FrozenDictionary<string, Func<string, IReadOnlyDictionary<string, string>, string>> Single =
        new Dictionary<string, Func<string, IReadOnlyDictionary<string, string>, string>>
        {
            [Acknowledge] = (id, _) => $"ack {id}",
            [Join] = (id, _) => $"note {id} joined the bridge",
            [StatusInvestigating] = (id, _) => $"status {id} investigating",
            [StatusIdentified] = (id, _) => $"status {id} identified",
            [StatusMonitoring] = (id, _) => $"status {id} monitoring",
            [Update] = (id, inputs) => Command("update", id, Text(inputs)),
            [Note] = (id, inputs) => Command("note", id, Text(inputs)),
            [Resolve] = (id, inputs) => Command("resolve", id, Text(inputs)),
            [Validate] = (id, _) => $"validate {id}",
            [Close] = (id, _) => $"close {id}",
            [Reopen] = (id, inputs) => Command("reopen", id, Text(inputs)),
            [Cancel] = (id, inputs) => Command("cancel", id, Text(inputs)),
            [HandOff] = (id, inputs) => Command("handoff", id, Text(inputs)),
            [PostmortemDraft] = (id, _) => $"postmortem {id}",
            [Timeline] = (id, _) => $"timeline {id}",
            [Refresh] = (id, _) => $"summary {id}",
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every verb a card may carry.</summary>
    public static IReadOnlyCollection<string> All { get; } = [.. Single.Keys, PostmortemSubmit];

    /// <summary>Verbs whose command needs the free-text input (<see cref="Inputs.Text"/>).</summary>
    public static bool TakesText(string verb) => verb is Update or Note or Resolve or Reopen or Cancel or HandOff;

    /// <summary>
    /// The command texts a card action stands for, in order; empty for an unknown verb. A missing required
    /// input still yields the command (<c>update INC-7</c>): the parser then answers with the precise error
    /// and usage, exactly as for typed text.
    /// </summary>
    public static IReadOnlyList<string> ToCommandTexts(string verb, string incidentId, IReadOnlyDictionary<string, string> inputs)
    {
        if (verb == PostmortemSubmit) return PostmortemCommands(incidentId, inputs);
        return Single.TryGetValue(verb, out var build) ? [build(incidentId, inputs)] : [];
    }

    private static string Text(IReadOnlyDictionary<string, string> inputs) => Value(inputs, Inputs.Text);

    /// <summary>The trimmed value on one line: the command language is one line per command.</summary>
    private static string Value(IReadOnlyDictionary<string, string> inputs, string id) =>
        inputs.TryGetValue(id, out var value) && value is not null ? Whitespace().Replace(value, " ").Trim() : "";

    private static string Command(string commandVerb, string incidentId, params string[] parts) =>
        string.Join(' ', new[] { commandVerb, incidentId }.Concat(parts.Where(p => p.Length > 0)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
