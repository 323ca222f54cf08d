using ChatOps.Core.Catalog;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

/// <summary>
/// The product rules the machine's guards ask, for one command by one actor on one snapshot. The descriptions are
/// what a refused user reads after "needs", so they name the requirement and the command that meets it. They also
/// label the Mermaid diagram, so they avoid angle brackets and semicolons, which Mermaid would swallow.
/// </summary>
internal sealed class BridgeRules(Incident incident, Actor actor, ServiceCatalog catalog, DateTimeOffset? reminderDueAt)
{
    public const string HasCommanderText = "an incident commander (assign one with `role ic @name`)";
    public const string CommanderOrOwnerText = "the incident commander or the service owner to do it";
    public const string ValidatedText = "the service owner's (or business owner's) validation: they run `validate`";
    public const string RootCauseText = "for SEV1/SEV2, a root cause (`rootcause` with a category and a description)";
    public const string FollowUpText = "for SEV1/SEV2, a follow-up action (`followup` with owner, due date and text) or a reason for none (`nofollowup`)";
    public const string ValidatorText = "the service owner or business owner to validate (the incident commander when the catalog names no owner)";
    public const string CancellerText = "the incident commander, the service owner or the person who declared it to cancel";
    public const string ReminderText = "the reminder that is currently due";

    public bool HasCommander() => incident.Commander is not null;

    public bool IsCommanderOrOwner() => IsCommander() || catalog.IsOwner(incident.Service, actor);

    public bool IsValidated() => incident.ValidatedBy is not null;

    public bool HasRootCauseIfRequired() => !NeedsPostmortem || incident.Postmortem.HasRootCause;

    public bool HasFollowUpDecisionIfRequired() => !NeedsPostmortem || incident.Postmortem.HasFollowUpDecision;

    public bool MayValidate() => catalog.HasOwner(incident.Service) ? catalog.IsOwner(incident.Service, actor) : IsCommander();

    public bool MayCancel() => IsCommanderOrOwner() || SamePerson(incident.DeclaredBy, actor);

    public bool ReminderIsCurrent() => reminderDueAt is not null && incident.NextUpdateDue == reminderDueAt;

    private bool NeedsPostmortem => incident.Severity is Severity.Sev1 or Severity.Sev2;

    private bool IsCommander() => SamePerson(incident.Commander, actor);

    /// <summary>
    /// Roles are often given by name (<c>role ic @dana</c> makes an actor whose id is the name), while the surface
    /// identifies the sender by id and name; either matching is the same person.
    /// </summary>
    public static bool SamePerson(Actor? a, Actor? b) =>
        a is not null && b is not null && (a.IsSame(b) || string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase));
}
