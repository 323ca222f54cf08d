using ChatOps.Cards.Views;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Composition;

public static partial class CardComposer
{
    private static readonly CardAction Ack = new(CardVerbs.Acknowledge, "Acknowledge", Primary: true);
    private static readonly CardAction Join = new(CardVerbs.Join, "Join", Primary: false);
    private static readonly CardAction Update = new(CardVerbs.Update, "Post update", Primary: true);
    private static readonly CardAction Investigating = new(CardVerbs.StatusInvestigating, "Back to investigating", Primary: false);
    private static readonly CardAction Identified = new(CardVerbs.StatusIdentified, "Cause identified", Primary: false);
    private static readonly CardAction Monitoring = new(CardVerbs.StatusMonitoring, "Fix in, monitoring", Primary: false);
    private static readonly CardAction Resolve = new(CardVerbs.Resolve, "Resolve", Primary: false);
    private static readonly CardAction Validate = new(CardVerbs.Validate, "Validate service", Primary: false);
    private static readonly CardAction Close = new(CardVerbs.Close, "Close", Primary: true);
    private static readonly CardAction Reopen = new(CardVerbs.Reopen, "Reopen", Primary: false);
    private static readonly CardAction Cancel = new(CardVerbs.Cancel, "Cancel (false alarm)", Primary: false);
    private static readonly CardAction Draft = new(CardVerbs.PostmortemDraft, "Post-mortem draft", Primary: false);

    /// <summary>
    /// The status card's buttons: the likely next steps for the state, at most five so every host shows them
    /// all (the adaptivecards default host allows five). The bridge still decides; a button only saves typing.
    /// </summary>
    internal static IReadOnlyList<CardAction> StatusActions(IncidentStatus status) => status switch
    {
        IncidentStatus.Declared => [Ack, Join, Cancel],
        IncidentStatus.Investigating => [Update, Identified, Monitoring, Resolve, Join],
        IncidentStatus.Identified => [Update, Investigating, Monitoring, Resolve, Join],
        IncidentStatus.Monitoring => [Update, Investigating, Identified, Resolve with { Primary = true }, Join],
        IncidentStatus.HandedOff => [Update, Resolve, Reopen],
        IncidentStatus.Resolved => [Validate, Close, Reopen, Draft],
        _ => [Reopen],
    };

    /// <summary>One free-text field shared by every button that needs words (update, resolve, reopen...).</summary>
    private static IReadOnlyList<CardInput> TextInputFor(IReadOnlyList<CardAction> actions)
    {
        var titles = actions.Where(a => CardVerbs.TakesText(a.Verb)).Select(a => a.Title).ToList();
        if (titles.Count == 0) return [];
        var label = titles.Count == 1 ? $"Text for {titles[0]}" : $"Text for {string.Join(" / ", titles)}";
        return [new TextInput(CardVerbs.Inputs.Text, label, "What changed, the summary or the reason", Multiline: true)];
    }
}
