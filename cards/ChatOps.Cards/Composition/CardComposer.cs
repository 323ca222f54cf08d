using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Cards.Composition;

/// <summary>
/// Turns what the bridge wants said (kind + frozen snapshot + text) into a view model. Pure: the same
/// input always gives the same card, so a redelivered message renders identically.
/// </summary>
public static partial class CardComposer
{
    public static CardView Compose(MessageKind kind, Incident snapshot, string text) => kind switch
    {
        MessageKind.StatusCard => StatusCard(snapshot),
        MessageKind.Acknowledgement => Acknowledgement(snapshot, text),
        MessageKind.StakeholderUpdate => StakeholderUpdate(snapshot, text),
        MessageKind.ServiceRestored => ServiceRestored(snapshot, text),
        MessageKind.Reminder => Reminder(snapshot, text),
        MessageKind.PostmortemPrompt => PostmortemPrompt(snapshot, text),
        _ => Notice(snapshot, text),
    };

    public static StatusCardView StatusCard(Incident incident)
    {
        var actions = StatusActions(incident.Status);
        return new StatusCardView
        {
            IncidentId = incident.Id.ToString(),
            Title = incident.Title,
            Severity = incident.Severity.ToText(),
            Status = incident.Status.ToText(),
            Service = incident.Service,
            Commander = CardText.Commander(incident),
            OtherRoles = [.. incident.Roles
                .Where(r => r.Key != IncidentRole.Commander)
                .OrderBy(r => r.Key)
                .Select(r => new RoleAssignment(r.Key.Title(), r.Value.Name))],
            Impact = CardText.Impact(incident.Impact),
            LastUpdate = incident.LastUpdate,
            LastUpdateAt = CardText.Time(incident.LastUpdateAt),
            NextUpdateDue = incident.Status.IsOpen() ? CardText.Time(incident.NextUpdateDue) : null,
            DeclaredAt = CardText.Time(incident.DeclaredAt),
            Channel = incident.Channel,
            Inputs = TextInputFor(actions),
            Actions = actions,
        };
    }

    public static AcknowledgementView Acknowledgement(Incident incident, string text) => new()
    {
        IncidentId = incident.Id.ToString(),
        Title = incident.Title,
        Severity = incident.Severity.ToText(),
        Status = incident.Status.ToText(),
        Service = incident.Service,
        Message = OrDefault(text, $"We are aware of a problem with {incident.Service} and are investigating."),
        DeclaredBy = incident.DeclaredBy.Name,
        DeclaredAt = CardText.Time(incident.DeclaredAt),
        Channel = incident.Channel,
        NextUpdateDue = CardText.Time(incident.NextUpdateDue),
    };

    public static StakeholderUpdateView StakeholderUpdate(Incident incident, string text) => new()
    {
        IncidentId = incident.Id.ToString(),
        Title = incident.Title,
        Severity = incident.Severity.ToText(),
        Status = incident.Status.ToText(),
        Impact = CardText.Impact(incident.Impact),
        WhatChanged = OrDefault(text, incident.LastUpdate ?? "No change since the last update."),
        Commander = CardText.Commander(incident),
        NextUpdate = incident.Status.IsOpen() && incident.NextUpdateDue is { } due
            ? CardText.Time(due)
            : "none scheduled",
        PostedAt = CardText.Time(incident.LastUpdateAt ?? incident.DeclaredAt),
    };

    private static string OrDefault(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
}
