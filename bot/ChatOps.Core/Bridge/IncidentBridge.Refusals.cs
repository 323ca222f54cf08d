using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

public sealed partial class IncidentBridge
{
    private static string NotApplicable(Incident current, Command command) => command is ChangeStatus c
        ? $"`status` sets investigating, identified or monitoring; {current.Id} cannot be set to {c.Status.ToText()} that way. Use `resolve`, `handoff`, `close` or `cancel`."
        : $"`{command.Verb}` does not change an incident.";

    /// <summary>Turns a refusal of the machine into words: why, and what to do next.</summary>
    private string Explain(Incident current, Command command, Trigger trigger, ICollection<string>? unmetGuards)
    {
        var id = current.Id;
        if (trigger == Trigger.RemindUpdate)
            return $"stale reminder: {id} has no stakeholder update due at {((RemindUpdateDue)command).DueAt:O} (next due: {current.NextUpdateDue?.ToString("O") ?? "none"}).";
        if (unmetGuards is { Count: > 0 })
            return $"Can't {Action(trigger)} {id} yet: it needs {string.Join("; and ", unmetGuards)}.{WhoDecides(current, unmetGuards)}";
        return UnhandledReason(current, trigger);
    }

    private static string Action(Trigger trigger) => trigger switch
    {
        Trigger.LowerSeverity => "lower the severity of",
        Trigger.Validate => "validate the service of",
        Trigger.HandOff => "hand off",
        _ => trigger.ToString().ToLowerInvariant(),
    };

    private string WhoDecides(Incident current, ICollection<string> unmetGuards)
    {
        var aboutPeople = unmetGuards.Contains(BridgeRules.CommanderOrOwnerText) || unmetGuards.Contains(BridgeRules.ValidatorText)
            || unmetGuards.Contains(BridgeRules.CancellerText);
        if (!aboutPeople) return "";
        var entry = catalog.Find(current.Service);
        var owners = new[] { entry?.ServiceOwner, entry?.BusinessOwner }.Where(o => !string.IsNullOrWhiteSpace(o)).ToList();
        return $" Commander: {current.Commander?.Name ?? "none (assign one with `role ic <user>`)"}; service owner: {(owners.Count > 0 ? string.Join(" or ", owners) : "none in the catalog")}.";
    }

    private static string UnhandledReason(Incident current, Trigger trigger)
    {
        var id = current.Id;
        var status = current.Status.ToText();
        return (current.Status, trigger) switch
        {
            (IncidentStatus.Cancelled, _) => $"{id} is cancelled ({current.CancelReason}); it takes no commands but `reopen <reason>`.",
            (IncidentStatus.Closed, _) => $"{id} is closed; `reopen <reason>` to work on it again.",
            (_, Trigger.Reopen) => $"{id} is still open ({status}); there is nothing to reopen.",
            (_, Trigger.Acknowledge) when current.Status.IsOpen() =>
                $"{id} is already acknowledged (it is {status}; commander: {current.Commander?.Name ?? "none"}). To help, ask the commander for a role or add a `note`.",
            (IncidentStatus.Resolved or IncidentStatus.HandedOff, Trigger.Investigate or Trigger.Identify or Trigger.Monitor or Trigger.Acknowledge) =>
                $"{id} is {status}; `reopen <reason>` to work on it again.",
            (_, Trigger.Investigate or Trigger.Identify or Trigger.Monitor) => $"{id} is already {status}.",
            (IncidentStatus.Resolved, Trigger.Resolve) => $"{id} is already resolved. Next: the service owner runs `validate`, then `close`.",
            (IncidentStatus.Resolved, Trigger.HandOff or Trigger.Cancel) => $"{id} is already resolved; `close` it once validated, or `reopen <reason>`.",
            (IncidentStatus.HandedOff, Trigger.HandOff) => $"{id} is already handed off ({current.HandOffLink}). `resolve <summary>` when the permanent fix is in.",
            (IncidentStatus.Resolved, Trigger.PostUpdate) => $"{id} is resolved and stakeholders were told the service is restored. Add a `note`, or `reopen <reason>` if it is back.",
            (IncidentStatus.HandedOff, Trigger.Close or Trigger.Validate) => $"{id} is handed off; `resolve <summary>` when the permanent fix is in, then `validate` and `close`.",
            (_, Trigger.Validate) => $"{id} is {status}; the service is validated after it is resolved (`resolve <summary>`).",
            (_, Trigger.Close) => $"{id} is {status}; resolve it first (`resolve <summary>`), then `validate` and `close`.",
            _ => $"{id} is {status}; that command does not apply there.",
        };
    }
}
