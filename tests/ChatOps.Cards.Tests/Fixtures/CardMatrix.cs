using ChatOps.Cards.Composition;
using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Tests.Fixtures;

/// <summary>Every card the bot can emit: each message kind at each status and both severity bands.</summary>
internal static class CardMatrix
{
    public static IEnumerable<(string Name, CardView View)> All()
    {
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            foreach (var status in Enum.GetValues<IncidentStatus>())
            {
                foreach (var severity in new[] { Severity.Sev1, Severity.Sev4 })
                {
                    var name = $"{kind}-{status.ToText()}-{severity.ToText()}".ToLowerInvariant();
                    yield return (name, CardComposer.Compose(kind, Incidents.At(status, severity), TextFor(kind)));
                }
            }
            yield return ($"{kind}-blank-text".ToLowerInvariant(), CardComposer.Compose(kind, Incidents.Declared(), ""));
        }
    }

    /// <summary>The approved snapshots: one per kind at its typical moment, plus each distinct status card.</summary>
    public static IEnumerable<(string Name, CardView View)> Snapshots()
    {
        foreach (var status in Enum.GetValues<IncidentStatus>())
        {
            yield return ($"status-card-{status.ToText()}", CardComposer.Compose(MessageKind.StatusCard, Incidents.At(status), ""));
        }
        yield return ("acknowledgement", Compose(MessageKind.Acknowledgement, IncidentStatus.Declared));
        yield return ("stakeholder-update", Compose(MessageKind.StakeholderUpdate, IncidentStatus.Identified));
        yield return ("service-restored", Compose(MessageKind.ServiceRestored, IncidentStatus.Resolved));
        yield return ("reminder", Compose(MessageKind.Reminder, IncidentStatus.Investigating));
        yield return ("postmortem-prompt-sev1", CardComposer.Compose(MessageKind.PostmortemPrompt,
            Incidents.At(IncidentStatus.Resolved, Severity.Sev1) with { Postmortem = Postmortem.Empty }, ""));
        yield return ("notice", Compose(MessageKind.Notice, IncidentStatus.Cancelled));
    }

    private static CardView Compose(MessageKind kind, IncidentStatus status) =>
        CardComposer.Compose(kind, Incidents.At(status), TextFor(kind));

    private static string TextFor(MessageKind kind) => kind switch
    {
        MessageKind.StakeholderUpdate => "Root cause found: a bad timeout in the 09:15 deploy. Rolling back.",
        MessageKind.Notice => "Carol is now scribe.",
        MessageKind.Reminder => "A stakeholder update is due: SEV2 updates go out every 30 min.",
        _ => "",
    };
}
