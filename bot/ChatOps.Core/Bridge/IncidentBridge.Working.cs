using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

public sealed partial class IncidentBridge
{
    private Refused? RoleAssigned(Incident before, AssignRole command, Change change)
    {
        var holder = before.Roles.GetValueOrDefault(command.Role);
        if (BridgeRules.SamePerson(holder, command.User))
            return new Refused($"{command.User.Name} is already {command.Role.Title().ToLowerInvariant()} of {before.Id}.");
        change.Snapshot = change.Snapshot with { Roles = before.Roles.SetItem(command.Role, command.User) };
        var text = $"{command.User.Name} is {command.Role.Title().ToLowerInvariant()}" + (holder is null ? "" : $" (replacing {holder.Name})");
        change.Event("role-assigned", text);
        change.Message(MessageKind.Notice, before.Channel, i => $"{i.Id}: {text}, assigned by {change.Actor.Name}.");
        change.Message(MessageKind.StatusCard, before.Channel, BridgeText.StatusCard);
        change.Reply($"{before.Id}: {text}.", MessageKind.StatusCard);
        return null;
    }

    private Refused? SeverityChanged(Incident before, ChangeSeverity command, Change change)
    {
        if (command.Severity == before.Severity) return new Refused($"{before.Id} is already {before.Severity.ToText()}.");
        change.Snapshot = change.Snapshot with { Severity = command.Severity };
        var direction = command.Severity < before.Severity ? "raised" : "lowered";
        change.Event("severity-changed", $"{before.Severity.ToText()} -> {command.Severity.ToText()} ({direction})");
        return StateChanged(change, $"{before.Id} severity {direction} to {command.Severity.ToText()}: {command.Severity.Definition()}.");
    }

    private Refused? UpdatePosted(PostUpdate command, Change change)
    {
        change.Snapshot = change.Snapshot with { LastUpdate = command.Text, LastUpdateAt = change.Now };
        change.Event("update", command.Text);
        StateChanged(change, $"{change.Snapshot.Id}: update posted to stakeholders.");
        change.Message(MessageKind.StakeholderUpdate, StakeholderChannel(change.Snapshot), i => BridgeText.StakeholderUpdate(i, command.Text));
        return null;
    }

    private static Refused? Noted(AddNote command, Change change)
    {
        change.Event("note", command.Text);
        change.Reply($"{change.Snapshot.Id}: noted.");
        return null;
    }

    /// <summary>Impact started defaults to the declaration and ended to the resolution (seed 001); only typed values are stored.</summary>
    private static Refused? ImpactSet(Incident before, SetImpact command, Change change)
    {
        var impact = before.Impact with
        {
            UsersShare = command.UsersShare ?? before.Impact.UsersShare,
            FunctionShare = command.FunctionShare ?? before.Impact.FunctionShare,
            StartedAt = command.StartedAt?.Resolve(change.Now) ?? before.Impact.StartedAt,
            EndedAt = command.EndedAt?.Resolve(change.Now) ?? before.Impact.EndedAt,
        };
        var started = impact.StartedAt ?? before.DeclaredAt;
        if ((impact.EndedAt ?? before.ResolvedAt) is { } ended && ended < started)
            return new Refused($"The impact would end ({BridgeText.Time(ended)}) before it started ({BridgeText.Time(started)}); check --started and --ended.");
        change.Snapshot = change.Snapshot with { Impact = impact };
        var text = BridgeText.ImpactText(change.Snapshot);
        change.Event("impact", text);
        change.Message(MessageKind.StatusCard, before.Channel, BridgeText.StatusCard);
        change.Reply($"{before.Id} impact: {text}.", MessageKind.StatusCard);
        return null;
    }

    private Refused? Reminded(Change change)
    {
        change.Event("reminder", $"stakeholder update due ({change.Snapshot.Severity.ToText()})");
        change.Message(MessageKind.Reminder, change.Snapshot.Channel, BridgeText.Reminder);
        ScheduleUpdate(change, change.Snapshot.NextUpdateDue);
        return null;
    }

    /// <summary>
    /// (Re)starts the stakeholder-update timer at now + cadence, or cancels it when no cadence applies
    /// (resolved, closed, cancelled, SEV4). <see cref="Incident.NextUpdateDue"/> mirrors the timer.
    /// </summary>
    private void ScheduleUpdate(Change change, DateTimeOffset? previousDue)
    {
        var key = TimerChange.UpdateDueKey(change.Snapshot.Id);
        if (settings.UpdateCadence.For(change.Snapshot.Severity, change.Snapshot.Status) is { } cadence && cadence > TimeSpan.Zero)
        {
            var due = change.Now + cadence;
            change.Snapshot = change.Snapshot with { NextUpdateDue = due };
            change.Timer(new TimerChange(key, change.Snapshot.Id, due));
        }
        else
        {
            change.Snapshot = change.Snapshot with { NextUpdateDue = null };
            if (previousDue is not null) change.Timer(new TimerChange(key, change.Snapshot.Id, null));
        }
    }
}
