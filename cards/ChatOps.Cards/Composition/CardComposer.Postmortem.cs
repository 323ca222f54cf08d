using ChatOps.Cards.Views;
using ChatOps.Core.Incidents;
using static ChatOps.Cards.CardVerbs;

namespace ChatOps.Cards.Composition;

public static partial class CardComposer
{
    /// <summary>The category choices, as the <c>rootcause</c> command spells them.</summary>
    public static IReadOnlyList<string> RootCauseCategories { get; } =
        [.. Enum.GetValues<RootCauseCategory>().Select(c => c.ToString().ToLowerInvariant())];

    public static PostmortemPromptView PostmortemPrompt(Incident incident, string text)
    {
        var pm = incident.Postmortem;
        return new PostmortemPromptView
        {
            IncidentId = incident.Id.ToString(),
            Title = incident.Title,
            Severity = incident.Severity.ToText(),
            Service = incident.Service,
            Message = OrDefault(text, "Service is restored. While it is fresh, tell us what happened: every answer goes on the timeline."),
            Duration = incident.ResolvedAt is { } resolved ? CardText.Duration(CardText.ImpactDuration(incident, resolved)) : null,
            StillNeeded = StillNeeded(incident),
            Inputs =
            [
                new TextInput(Inputs.Summary, "Summary", "What happened, in two sentences", Multiline: true, Value: pm.Summary ?? incident.ResolutionSummary),
                new NumberInput(Inputs.UsersPercent, "Users affected (%)", 0, 100, incident.Impact.UsersShare * 100m),
                new NumberInput(Inputs.FunctionPercent, "Function lost (%)", 0, 100, incident.Impact.FunctionShare * 100m),
                new TextInput(Inputs.ImpactNote, "Impact in words", "Who noticed what", Multiline: true),
                new ChoiceInput(Inputs.Category, "Root cause category", RootCauseCategories, pm.Category?.ToString().ToLowerInvariant()),
                new TextInput(Inputs.RootCause, "Root cause", "Why it happened", Multiline: true, Value: pm.RootCause),
                new TextInput(Inputs.Contributing, "Contributing factors", Multiline: true),
                new TextInput(Inputs.WentWell, "What went well", Multiline: true),
                new TextInput(Inputs.Improve, "What to improve", Multiline: true),
                new TextInput(Inputs.FollowUpOwner, "Follow-up owner", "A user name"),
                new DateInput(Inputs.FollowUpDue, "Follow-up due date"),
                new TextInput(Inputs.FollowUpText, "Follow-up action", "What will be done", Multiline: true),
                new TextInput(Inputs.NoFollowUpReason, "Or: why no follow-up is needed", Multiline: true),
            ],
            Actions =
            [
                new CardAction(PostmortemSubmit, "Submit post-mortem", Primary: true),
                new CardAction(PostmortemDraft, "Show draft", Primary: false),
            ],
        };
    }

    /// <summary>Mirrors the close guard so the prompt says up front what closing a SEV1/SEV2 will ask for.</summary>
    private static List<string> StillNeeded(Incident incident)
    {
        var needed = new List<string>();
        if (incident.Severity > Severity.Sev2) return needed;
        if (!incident.Postmortem.HasRootCause) needed.Add("a root cause with its category");
        if (!incident.Postmortem.HasFollowUpDecision) needed.Add("a follow-up action, or the reason none is needed");
        return needed;
    }
}
