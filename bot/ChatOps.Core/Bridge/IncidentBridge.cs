using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

/// <summary>
/// The incident bridge: one Stateless machine per incident, rebuilt from the snapshot for each command,
/// used once and dropped. Pure: decides and emits events, messages and timers; the dispatcher commits them.
/// Refusals are <see cref="Refused"/> decisions with the reason and what to do next, never exceptions.
/// </summary>
public sealed partial class IncidentBridge(BridgeSettings settings, ServiceCatalog catalog)
{
    /// <summary>
    /// Decides one command. <paramref name="current"/> is null only for <see cref="DeclareIncident"/>, where
    /// <paramref name="id"/> is the freshly allocated id. Queries are not handled here.
    /// </summary>
    public Decision Decide(Incident? current, IncidentId id, CommandEnvelope envelope, DateTimeOffset now)
    {
        var command = envelope.Command;
        if (command is DeclareIncident declare)
            return current is null ? Declare(id, declare, envelope, now) : new Refused($"{current.Id} already exists; declare a new incident without naming an id.");
        if (current is null)
            return new Refused($"There is no incident {id}. Declare one with `declare <title>`, or `list` the open ones.");
        if (command.IsQuery)
            return new Refused($"`{command.Verb}` only reads; it is answered without changing {current.Id}.");
        if (TriggerFor(current, command) is not { } trigger)
            return new Refused(NotApplicable(current, command));

        var status = current.Status;
        var rules = new BridgeRules(current, envelope.Actor, catalog, (command as RemindUpdateDue)?.DueAt);
        var machine = BuildMachine(() => status, s => status = s, rules);
        if (!machine.CanFire(trigger, out var unmetGuards))
            return new Refused(Explain(current, command, trigger, unmetGuards));
        machine.Fire(trigger);

        var change = new Change(current with { Status = status, Version = current.Version + 1 }, envelope, now);
        return (Decision?)Apply(current, command, change) ?? change.Accept();
    }

    /// <summary>Applies an allowed command; returns a refusal only for argument rules the machine cannot see.</summary>
    private Refused? Apply(Incident before, Command command, Change change) => command switch
    {
        Acknowledge => Acknowledged(before, change),
        ChangeStatus c => StatusChanged(before, c, change),
        ResolveIncident c => Resolved(before, c, change),
        ValidateService => Validated(change),
        CloseIncident => Closed(change),
        ReopenIncident c => Reopened(before, c, change),
        HandOff c => HandedOff(before, c, change),
        CancelIncident c => Cancelled(c, change),
        AssignRole c => RoleAssigned(before, c, change),
        ChangeSeverity c => SeverityChanged(before, c, change),
        PostUpdate c => UpdatePosted(c, change),
        AddNote c => Noted(c, change),
        SetImpact c => ImpactSet(before, c, change),
        RemindUpdateDue => Reminded(change),
        _ => PostmortemAnswered(command, change),
    };

    /// <summary>Maps a command to its trigger; null for commands the bridge has no trigger for.</summary>
    private static Trigger? TriggerFor(Incident current, Command command) => command switch
    {
        Acknowledge => Trigger.Acknowledge,
        ChangeStatus { Status: IncidentStatus.Investigating } => Trigger.Investigate,
        ChangeStatus { Status: IncidentStatus.Identified } => Trigger.Identify,
        ChangeStatus { Status: IncidentStatus.Monitoring } => Trigger.Monitor,
        ResolveIncident => Trigger.Resolve,
        ValidateService => Trigger.Validate,
        CloseIncident => Trigger.Close,
        HandOff => Trigger.HandOff,
        CancelIncident => Trigger.Cancel,
        ReopenIncident => Trigger.Reopen,
        AssignRole => Trigger.AssignRole,
        ChangeSeverity c => c.Severity <= current.Severity ? Trigger.RaiseSeverity : Trigger.LowerSeverity,
        PostUpdate => Trigger.PostUpdate,
        AddNote => Trigger.AddNote,
        SetImpact => Trigger.SetImpact,
        SetRootCause or AddFollowUp or NoFollowUp or AnswerPostmortem => Trigger.RecordPostmortem,
        RemindUpdateDue => Trigger.RemindUpdate,
        _ => null,
    };
}
