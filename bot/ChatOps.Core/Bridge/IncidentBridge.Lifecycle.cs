using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

public sealed partial class IncidentBridge
{
    private Refused? Acknowledged(Incident before, Change change)
    {
        change.Event("acknowledged", $"{change.Actor.Name} acknowledged {before.Id}; investigating");
        MarkWorkedOn(before, change, makeCommander: true);
        return StateChanged(change, $"{before.Id} acknowledged; you are on it. Status: investigating.");
    }

    /// <summary>
    /// Setting a working status on a declared incident means someone is on it, so it counts as the
    /// acknowledgement (time to acknowledge stops) and, like <c>ack</c>, makes them commander if there is none.
    /// </summary>
    private Refused? StatusChanged(Incident before, ChangeStatus command, Change change)
    {
        change.Event("status-changed", $"{before.Status.ToText()} -> {command.Status.ToText()}");
        if (before.Status == IncidentStatus.Declared) MarkWorkedOn(before, change, makeCommander: true);
        return StateChanged(change, $"{before.Id} is now {command.Status.ToText()}.");
    }

    private Refused? Resolved(Incident before, ResolveIncident command, Change change)
    {
        MarkWorkedOn(before, change, makeCommander: false);
        change.Snapshot = change.Snapshot with { ResolvedAt = change.Now, ResolutionSummary = command.Summary };
        change.Event("resolved", command.Summary);
        var stakeholders = StakeholderChannel(before);
        change.Message(MessageKind.ServiceRestored, stakeholders, BridgeText.ServiceRestored)
            .Message(MessageKind.PostmortemPrompt, before.Channel, BridgeText.PostmortemPrompt);
        var validator = catalog.HasOwner(before.Service) ? "the service owner" : "the commander";
        return StateChanged(change, $"{before.Id} resolved; stakeholders were told the service is restored. Next: {validator} runs `validate`, then `close`.");
    }

    private Refused? Validated(Change change)
    {
        change.Snapshot = change.Snapshot with { ValidatedBy = change.Actor };
        change.Event("validated", $"{change.Actor.Name} validated that {change.Snapshot.Service} works");
        return StateChanged(change, $"{change.Snapshot.Id}: service validated. `close` when the post-mortem is done.");
    }

    private Refused? Closed(Change change)
    {
        change.Snapshot = change.Snapshot with { ClosedAt = change.Now };
        change.Event("closed", $"{change.Actor.Name} closed {change.Snapshot.Id}");
        return StateChanged(change, $"{change.Snapshot.Id} closed. Thank you all.");
    }

    private Refused? Reopened(Incident before, ReopenIncident command, Change change)
    {
        change.Snapshot = change.Snapshot with { ResolvedAt = null, ClosedAt = null, ValidatedBy = null, CancelReason = null, HandOffLink = null };
        change.Event("reopened", $"{before.Status.ToText()} -> investigating: {command.Reason}");
        change.Message(MessageKind.Notice, before.Channel, i => $"{i.Id} was reopened by {change.Actor.Name}: {command.Reason}")
            .Message(MessageKind.Notice, StakeholderChannel(before), i => $"{i.Id} {i.Title} was reopened and is being investigated again: {command.Reason}");
        return StateChanged(change, $"{before.Id} reopened; investigating again.");
    }

    private Refused? HandedOff(Incident before, HandOff command, Change change)
    {
        MarkWorkedOn(before, change, makeCommander: false);
        change.Snapshot = change.Snapshot with { HandOffLink = command.Link };
        change.Event("handed-off", command.Link);
        change.Message(MessageKind.Notice, StakeholderChannel(before), i => $"{i.Id} {i.Title}: urgent work is over; the permanent fix is tracked at {command.Link}.");
        return StateChanged(change, $"{before.Id} handed off to {command.Link}. `resolve <summary>` when the permanent fix is in.");
    }

    private Refused? Cancelled(CancelIncident command, Change change)
    {
        change.Snapshot = change.Snapshot with { CancelReason = command.Reason };
        change.Event("cancelled", command.Reason);
        change.Message(MessageKind.Notice, StakeholderChannel(change.Snapshot), i => $"{i.Id} {i.Title} was cancelled: {command.Reason}");
        return StateChanged(change, $"{change.Snapshot.Id} cancelled. `reopen <reason>` if it was a mistake.");
    }

    /// <summary>The first move out of "declared" stops the time to acknowledge; <c>ack</c> and <c>status</c> also give the incident its commander.</summary>
    private static void MarkWorkedOn(Incident before, Change change, bool makeCommander)
    {
        if (before.AcknowledgedAt is null) change.Snapshot = change.Snapshot with { AcknowledgedAt = change.Now };
        if (makeCommander && change.Snapshot.Commander is null)
        {
            change.Snapshot = change.Snapshot with { Roles = change.Snapshot.Roles.SetItem(IncidentRole.Commander, change.Actor) };
            change.Event("role-assigned", $"{change.Actor.Name} is incident commander (first responder)");
        }
    }

    /// <summary>Every state change refreshes the status card in place and recomputes the stakeholder-update reminder.</summary>
    private Refused? StateChanged(Change change, string reply)
    {
        ScheduleUpdate(change, change.Snapshot.NextUpdateDue);
        change.Message(MessageKind.StatusCard, change.Snapshot.Channel, BridgeText.StatusCard)
            .Reply(reply, MessageKind.StatusCard);
        return null;
    }

    private string StakeholderChannel(Incident incident) => (catalog.Find(incident.Service) ?? catalog.Default).StakeholderChannel;
}
