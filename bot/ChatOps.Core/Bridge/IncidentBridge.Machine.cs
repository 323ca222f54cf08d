using ChatOps.Core.Catalog;
using ChatOps.Core.Incidents;
using Stateless;
using Stateless.Graph;

namespace ChatOps.Core.Bridge;

public sealed partial class IncidentBridge
{
    private static readonly IncidentStatus[] Working =
        [IncidentStatus.Declared, IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Monitoring];

    private static readonly IncidentStatus[] Open = [.. Working, IncidentStatus.HandedOff];

    /// <summary>States where the bridge is still worked on: roles, severity, notes, impact and post-mortem answers.</summary>
    /// <remarks>Commands that change the incident but not its state are re-entries; the machine has no entry actions to re-run.</remarks>
    private static readonly IncidentStatus[] Attended = [.. Open, IncidentStatus.Resolved];

    /// <summary>
    /// Builds the machine as Stateless's BugTracker example does: the state lives outside (in the snapshot, read
    /// through <paramref name="read"/>), the machine is configured per command, fired once and dropped.
    /// </summary>
    private static StateMachine<IncidentStatus, Trigger> BuildMachine(Func<IncidentStatus> read, Action<IncidentStatus> write, BridgeRules rules)
    {
        var machine = new StateMachine<IncidentStatus, Trigger>(read, write);

        // Acknowledging moves a declared incident on; so does setting any working status, which means someone
        // is already on it, so it counts as the acknowledgement too (see Acknowledged in Lifecycle).
        machine.Configure(IncidentStatus.Declared)
            .Permit(Trigger.Acknowledge, IncidentStatus.Investigating)
            .Permit(Trigger.Investigate, IncidentStatus.Investigating)
            .Permit(Trigger.Identify, IncidentStatus.Identified)
            .Permit(Trigger.Monitor, IncidentStatus.Monitoring);
        machine.Configure(IncidentStatus.Investigating)
            .Permit(Trigger.Identify, IncidentStatus.Identified)
            .Permit(Trigger.Monitor, IncidentStatus.Monitoring);
        machine.Configure(IncidentStatus.Identified)
            .Permit(Trigger.Investigate, IncidentStatus.Investigating)
            .Permit(Trigger.Monitor, IncidentStatus.Monitoring);
        machine.Configure(IncidentStatus.Monitoring)
            .Permit(Trigger.Investigate, IncidentStatus.Investigating)
            .Permit(Trigger.Identify, IncidentStatus.Identified);

        foreach (var state in Working)
            machine.Configure(state).Permit(Trigger.HandOff, IncidentStatus.HandedOff);

        foreach (var state in Open)
        {
            machine.Configure(state)
                .PermitIf(Trigger.Resolve, IncidentStatus.Resolved,
                    Tuple.Create<Func<bool>, string>(rules.HasCommander, BridgeRules.HasCommanderText),
                    Tuple.Create<Func<bool>, string>(rules.IsCommanderOrOwner, BridgeRules.CommanderOrOwnerText))
                .PermitIf(Trigger.Cancel, IncidentStatus.Cancelled, rules.MayCancel, BridgeRules.CancellerText)
                .PermitReentry(Trigger.PostUpdate)
                .PermitReentryIf(Trigger.RemindUpdate, rules.ReminderIsCurrent, BridgeRules.ReminderText);
        }

        foreach (var state in Attended)
        {
            machine.Configure(state)
                .PermitReentry(Trigger.AssignRole)
                .PermitReentry(Trigger.RaiseSeverity)
                .PermitReentryIf(Trigger.LowerSeverity, rules.IsCommanderOrOwner, BridgeRules.CommanderOrOwnerText)
                .PermitReentry(Trigger.AddNote)
                .PermitReentry(Trigger.SetImpact)
                .PermitReentry(Trigger.RecordPostmortem);
        }

        machine.Configure(IncidentStatus.Resolved)
            .PermitReentryIf(Trigger.Validate, rules.MayValidate, BridgeRules.ValidatorText)
            .PermitIf(Trigger.Close, IncidentStatus.Closed,
                Tuple.Create<Func<bool>, string>(rules.IsCommanderOrOwner, BridgeRules.CommanderOrOwnerText),
                Tuple.Create<Func<bool>, string>(rules.IsValidated, BridgeRules.ValidatedText),
                Tuple.Create<Func<bool>, string>(rules.HasRootCauseIfRequired, BridgeRules.RootCauseText),
                Tuple.Create<Func<bool>, string>(rules.HasFollowUpDecisionIfRequired, BridgeRules.FollowUpText));

        foreach (var state in new[] { IncidentStatus.Resolved, IncidentStatus.HandedOff, IncidentStatus.Closed, IncidentStatus.Cancelled })
            machine.Configure(state).Permit(Trigger.Reopen, IncidentStatus.Investigating);

        return machine;
    }

    /// <summary>The machine as a Mermaid state diagram (docs/state-diagram.md is generated from it by a test).</summary>
    internal static string DescribeMachine()
    {
        var dummy = new Incident
        {
            Id = new IncidentId(1),
            Title = "diagram",
            Severity = Severity.Sev3,
            Status = IncidentStatus.Declared,
            Service = ServiceCatalog.DefaultServiceName,
            Channel = "inc-1-diagram",
            OriginChannel = "diagram",
            DeclaredBy = Actor.Bot,
            DeclaredAt = DateTimeOffset.UnixEpoch,
        };
        var state = dummy.Status;
        var rules = new BridgeRules(dummy, Actor.Bot, new ServiceCatalog([]), null);
        var machine = BuildMachine(() => state, s => state = s, rules);
        return MermaidGraph.Format(machine.GetInfo());
    }
}
