using ChatOps.Cards.Views;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Composition;

public static partial class CardComposer
{
    public static ServiceRestoredView ServiceRestored(Incident incident, string text)
    {
        var restoredAt = incident.ResolvedAt ?? incident.LastUpdateAt ?? incident.DeclaredAt;
        return new ServiceRestoredView
        {
            IncidentId = incident.Id.ToString(),
            Title = incident.Title,
            Severity = incident.Severity.ToText(),
            Service = incident.Service,
            Summary = OrDefault(incident.ResolutionSummary ?? text, $"{incident.Service} is available again."),
            RestoredAt = CardText.Time(restoredAt),
            Duration = CardText.Duration(CardText.ImpactDuration(incident, restoredAt)),
            Impact = CardText.Impact(incident.Impact),
            Commander = CardText.Commander(incident),
        };
    }

    public static ReminderView Reminder(Incident incident, string text)
    {
        CardAction[] actions = [new(CardVerbs.Update, "Post update", Primary: true)];
        return new ReminderView
        {
            IncidentId = incident.Id.ToString(),
            Title = incident.Title,
            Severity = incident.Severity.ToText(),
            Status = incident.Status.ToText(),
            Message = OrDefault(text, "A stakeholder update is due."),
            Commander = CardText.Commander(incident),
            DueAt = CardText.Time(incident.NextUpdateDue),
            LastUpdateAt = CardText.Time(incident.LastUpdateAt),
            Inputs = TextInputFor(actions),
            Actions = actions,
        };
    }

    public static NoticeView Notice(Incident incident, string text) => new()
    {
        IncidentId = incident.Id.ToString(),
        Title = incident.Title,
        Severity = incident.Severity.ToText(),
        Status = incident.Status.ToText(),
        Message = OrDefault(text, $"{incident.Id} is {incident.Status.ToText()}."),
    };
}
